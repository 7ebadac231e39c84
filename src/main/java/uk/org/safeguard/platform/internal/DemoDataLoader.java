package uk.org.safeguard.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.platform.AdminCommandLine;
import uk.org.safeguard.platform.DemoDataSet;
import uk.org.safeguard.platform.SafeguardProperties;

/**
 * Loads each {@link DemoDataSet} once on a database that has never had it, so that a newcomer's first
 * start shows every feature. Runs after reference data (lowest precedence), never in admin mode, and
 * holds an advisory lock so that two instances starting together do not both load it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long ADVISORY_LOCK = 0x5AFE_0001L;

    private final SafeguardProperties properties;
    private final ObjectProvider<DemoDataSet> sets;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoDataLoader(SafeguardProperties properties, ObjectProvider<DemoDataSet> sets, JdbcClient jdbc,
            TransactionTemplate transactions, Environment environment) {
        this.properties = properties;
        this.sets = sets;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || environment.getProperty(AdminCommandLine.ADMIN_MODE_PROPERTY, Boolean.class, false)) {
            return;
        }
        List<String> instructions = new ArrayList<>();
        sets.orderedStream().sorted(Comparator.comparingInt(DemoDataSet::order)).forEach(set -> {
            boolean loaded = Boolean.TRUE.equals(transactions.execute(status -> loadOnce(set)));
            if (loaded) {
                log.info("Loaded demo data set {}", set.name());
            }
            instructions.addAll(set.instructions());
        });
        if (!instructions.isEmpty()) {
            log.info("Demo data is loaded (switch it off with SAFEGUARD_DEMO=false):\n  {}",
                    String.join("\n  ", instructions));
        }
    }

    private boolean loadOnce(DemoDataSet set) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ADVISORY_LOCK).query().singleValue();
        boolean already = jdbc.sql("SELECT count(*) FROM platform_demo_data WHERE name = :name")
                .param("name", set.name()).query(Long.class).single() > 0;
        if (already) {
            return false;
        }
        set.load();
        jdbc.sql("INSERT INTO platform_demo_data (name, loaded_at) VALUES (:name, now())")
                .param("name", set.name()).update();
        return true;
    }
}
