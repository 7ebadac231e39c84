package uk.org.safeguard.privacy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import uk.org.safeguard.privacy.WrappedKey;

/**
 * The {@code privacy_data_key} table for tests without a database; like the table it holds only what
 * it is given, wrapped. {@link JdbcDataKeyStore} itself is tested against PostgreSQL.
 */
final class InMemoryDataKeyStore implements DataKeyStore {

    private final Map<String, StoredDataKey> rows = new TreeMap<>();

    private static String key(Purpose purpose, String family, int version) {
        return purpose.code() + "/" + family + "/" + version;
    }

    @Override
    public synchronized Optional<StoredDataKey> primary(Purpose purpose, String family) {
        return rows.values().stream().filter(k -> k.purpose() == purpose && k.family().equals(family))
                .max(Comparator.comparingInt(StoredDataKey::version));
    }

    @Override
    public synchronized Optional<StoredDataKey> find(Purpose purpose, String family, int version) {
        return Optional.ofNullable(rows.get(key(purpose, family, version)));
    }

    @Override
    public synchronized StoredDataKey createFirstIfAbsent(Purpose purpose, String family,
            Function<byte[], WrappedKey> wrapper) {
        return primary(purpose, family).orElseGet(() -> {
            StoredDataKey created = new StoredDataKey(purpose, family, 1,
                    wrapper.apply(StoredDataKey.associatedData(purpose, family, 1)));
            rows.put(key(purpose, family, 1), created);
            return created;
        });
    }

    @Override
    public synchronized int rewrapAll(String targetMasterKeyId, Function<StoredDataKey, WrappedKey> rewrapping) {
        // All or nothing, like the database transaction: compute every new wrapping before storing any.
        Map<String, StoredDataKey> updated = new TreeMap<>();
        for (Map.Entry<String, StoredDataKey> row : rows.entrySet()) {
            StoredDataKey key = row.getValue();
            if (!key.wrapped().masterKeyId().equals(targetMasterKeyId)) {
                updated.put(row.getKey(), new StoredDataKey(key.purpose(), key.family(), key.version(), rewrapping.apply(key)));
            }
        }
        rows.putAll(updated);
        return updated.size();
    }

    @Override
    public synchronized List<StoredDataKey> all() {
        return new ArrayList<>(rows.values());
    }
}
