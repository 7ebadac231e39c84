package uk.org.safeguard.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
class ReferenceDataLoaderIntegrationTest {

    @Autowired
    ReferenceDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyDatasetIsRecordedWithTheHashOfItsFile() {
        assertThat(jdbc.sql("SELECT name FROM geography_dataset").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(GeographyDatasets.ALL.stream().map(Dataset::name).toList());
        String recorded = jdbc.sql("SELECT sha256 FROM geography_dataset WHERE name = 'london-boroughs'")
                .query(String.class).single();
        assertThat(recorded).isEqualTo(ReferenceDataLoader.sha256(
                new org.springframework.core.io.ClassPathResource("geography/london-boroughs.csv")));
    }

    @Test
    void aSecondRunWithUnchangedFilesLoadsNothing() {
        Map<String, OffsetDateTime> before = loadedAt();
        assertThat(loader.loadChanged()).isEmpty();
        assertThat(loadedAt()).isEqualTo(before);
    }

    @Test
    void aDatasetWhoseHashChangedIsLoadedAgainAndOnlyIt() {
        jdbc.sql("UPDATE geography_dataset SET sha256 = 'stale' WHERE name = 'london-boroughs'").update();
        jdbc.sql("DELETE FROM geography_borough WHERE code = 'E09000001'").update();
        Map<String, OffsetDateTime> before = loadedAt();

        assertThat(loader.loadChanged()).containsExactly("london-boroughs");

        Map<String, OffsetDateTime> after = loadedAt();
        assertThat(after.get("london-boroughs")).isAfter(before.get("london-boroughs"));
        after.remove("london-boroughs");
        before.remove("london-boroughs");
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM geography_borough").query(Long.class).single()).isEqualTo(33);
        assertThat(jdbc.sql("SELECT slug FROM geography_borough WHERE code = 'E09000001'").query(String.class).single())
                .isEqualTo("city-of-london");
    }

    @Test
    void aFileWhoseHeaderIsNotTheExpectedOneIsRefusedAndChangesNothing() {
        // Test resource geography/test-wrong-header.csv has the ward file's columns in another order.
        Dataset wrong = Dataset.direct("test-wrong-header", "geography_ward", "ward_code", "ward_name", "lad_code",
                "n_postcodes");
        ReferenceDataLoader testLoader = new ReferenceDataLoader(List.of(wrong), jdbc, dataSource, transactions);
        assertThatThrownBy(testLoader::loadChanged).hasMessageContaining("test-wrong-header.csv has the header");
        assertThat(jdbc.sql("SELECT count(*) FROM geography_ward").query(Long.class).single()).isEqualTo(704);
        assertThat(jdbc.sql("SELECT count(*) FROM geography_dataset WHERE name = 'test-wrong-header'")
                .query(Long.class).single()).isZero();
    }

    private Map<String, OffsetDateTime> loadedAt() {
        Map<String, OffsetDateTime> result = new java.util.HashMap<>();
        jdbc.sql("SELECT name, loaded_at FROM geography_dataset").query(rs -> {
            result.put(rs.getString("name"), rs.getObject("loaded_at", OffsetDateTime.class));
        });
        return result;
    }
}
