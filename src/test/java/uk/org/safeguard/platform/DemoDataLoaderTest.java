package uk.org.safeguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
@Import(DemoDataLoaderTest.Sets.class)
class DemoDataLoaderTest {

    static final AtomicInteger loads = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void aDemoSetIsLoadedOnceOnAFreshDatabaseAndNeverAgain() throws Exception {
        assertThat(loads.get()).as("loaded at start-up").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM platform_demo_data WHERE name = 'test.widgets'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM demo_widget").query(Long.class).single()).isEqualTo(3);

        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            if (runner.getClass().getSimpleName().equals("DemoDataLoader")) {
                runner.run(new DefaultApplicationArguments());
            }
        }
        assertThat(loads.get()).as("a second start does not load it again").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM demo_widget").query(Long.class).single()).isEqualTo(3);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Sets {

        @Bean
        DemoDataSet widgets(JdbcClient jdbc) {
            return new DemoDataSet() {
                @Override
                public String name() {
                    return "test.widgets";
                }

                @Override
                public void load() {
                    loads.incrementAndGet();
                    jdbc.sql("CREATE TABLE demo_widget (name TEXT)").update();
                    jdbc.sql("INSERT INTO demo_widget VALUES ('a'), ('b'), ('c')").update();
                }
            };
        }
    }
}
