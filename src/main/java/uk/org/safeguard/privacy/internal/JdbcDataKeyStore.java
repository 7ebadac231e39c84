package uk.org.safeguard.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.privacy.WrappedKey;

@Repository
class JdbcDataKeyStore implements DataKeyStore {

    private static final String COLUMNS = "purpose, family, version, wrapped_keyset, master_key_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JdbcDataKeyStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<StoredDataKey> primary(Purpose purpose, String family) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_data_key WHERE purpose = :purpose AND family = :family "
                + "AND status = 'primary'")
                .param("purpose", purpose.code()).param("family", family)
                .query(JdbcDataKeyStore::map).optional();
    }

    @Override
    public Optional<StoredDataKey> find(Purpose purpose, String family, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_data_key WHERE purpose = :purpose AND family = :family "
                + "AND version = :version")
                .param("purpose", purpose.code()).param("family", family).param("version", version)
                .query(JdbcDataKeyStore::map).optional();
    }

    @Override
    public StoredDataKey createFirstIfAbsent(Purpose purpose, String family, Function<byte[], WrappedKey> wrapper) {
        return ownTransaction.execute(status -> {
            WrappedKey wrapped = wrapper.apply(StoredDataKey.associatedData(purpose, family, 1));
            // Both the primary key and the one-primary-per-family index turn a concurrent first key into a no-op.
            jdbc.sql("INSERT INTO privacy_data_key (purpose, family, version, status, wrapped_keyset, master_key_id, created_at) "
                    + "VALUES (:purpose, :family, 1, 'primary', :wrapped, :masterKeyId, now()) ON CONFLICT DO NOTHING")
                    .param("purpose", purpose.code()).param("family", family)
                    .param("wrapped", wrapped.ciphertext()).param("masterKeyId", wrapped.masterKeyId())
                    .update();
            return primary(purpose, family).orElseThrow();
        });
    }

    @Override
    public int rewrapAll(String targetMasterKeyId, Function<StoredDataKey, WrappedKey> rewrapping) {
        Integer count = ownTransaction.execute(status -> {
            // EXCLUSIVE lets readers unwrap keys meanwhile but holds back a new key until this commits.
            jdbc.sql("LOCK TABLE privacy_data_key IN EXCLUSIVE MODE").update();
            List<StoredDataKey> keys = jdbc.sql("SELECT " + COLUMNS + " FROM privacy_data_key "
                    + "WHERE master_key_id <> :target ORDER BY purpose, family, version")
                    .param("target", targetMasterKeyId).query(JdbcDataKeyStore::map).list();
            for (StoredDataKey key : keys) {
                WrappedKey rewrapped = rewrapping.apply(key);
                jdbc.sql("UPDATE privacy_data_key SET wrapped_keyset = :wrapped, master_key_id = :masterKeyId, "
                        + "rewrapped_at = now() WHERE purpose = :purpose AND family = :family AND version = :version")
                        .param("wrapped", rewrapped.ciphertext()).param("masterKeyId", rewrapped.masterKeyId())
                        .param("purpose", key.purpose().code()).param("family", key.family())
                        .param("version", key.version())
                        .update();
            }
            return keys.size();
        });
        return count == null ? 0 : count;
    }

    @Override
    public List<StoredDataKey> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_data_key ORDER BY purpose, family, version")
                .query(JdbcDataKeyStore::map).list();
    }

    private static StoredDataKey map(ResultSet rs, int row) throws SQLException {
        return new StoredDataKey(Purpose.of(rs.getString("purpose")), rs.getString("family"), rs.getInt("version"),
                new WrappedKey(rs.getString("master_key_id"), rs.getBytes("wrapped_keyset")));
    }
}
