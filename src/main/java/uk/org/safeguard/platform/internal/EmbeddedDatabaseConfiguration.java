package uk.org.safeguard.platform.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.platform.SafeguardProperties;

/**
 * With no {@code spring.datasource.url} (environment: {@code SPRING_DATASOURCE_URL}), Safeguard runs its
 * own PostgreSQL server under the data directory, so that a newcomer needs nothing but a JDK and Maven.
 * Production sets the URL and this configuration stands aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(SafeguardProperties properties) {
        return EmbeddedDatabaseStarter.claim(properties);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPoolName("safeguard-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
