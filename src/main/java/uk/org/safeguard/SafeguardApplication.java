package uk.org.safeguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import uk.org.safeguard.platform.AdminCommandLine;

/**
 * Safeguard: one Spring Boot application made of modules (see {@code docs/architecture.md}).
 *
 * <p>{@code java -jar safeguard.jar} serves the web application; {@code java -jar safeguard.jar admin ...}
 * runs one administrative command against the configured database and exits.
 */
@SpringBootApplication
@EnableScheduling
public class SafeguardApplication {

    public static void main(String[] args) {
        if (AdminCommandLine.isAdminInvocation(args)) {
            System.exit(AdminCommandLine.run(SafeguardApplication.class, args));
        }
        SpringApplication.run(SafeguardApplication.class, args);
    }
}
