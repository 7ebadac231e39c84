package uk.org.safeguard.platform.internal;

import java.io.PrintStream;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/** {@code admin status}: which database Safeguard is using and what its schema and reference data hold. */
@Component
class StatusCommand implements AdminCommand {

    private final JdbcClient jdbc;

    StatusCommand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Show the database in use, the schema version and the demo data loaded";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        out.println("Database:        " + jdbc.sql("SELECT version()").query(String.class).single());
        out.println("Schema version:  " + jdbc.sql(
                "SELECT coalesce((SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1), 'none')")
                .query(String.class).single());
        List<String> demo = jdbc.sql("SELECT name FROM platform_demo_data ORDER BY loaded_at, name")
                .query(String.class).list();
        out.println("Demo data sets:  " + (demo.isEmpty() ? "none" : String.join(", ", demo)));
        return 0;
    }
}
