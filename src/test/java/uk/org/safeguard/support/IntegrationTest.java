package uk.org.safeguard.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on a real, embedded PostgreSQL server (a fresh cluster per
 * Spring context, see {@code src/test/resources/config/application.properties}), served on a random
 * port. Tests share one context where they can, so give each test its own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(AdjustableClock.Configuration.class)
public @interface IntegrationTest {
}
