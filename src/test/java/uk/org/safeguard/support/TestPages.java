package uk.org.safeguard.support;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Routes that exist only in tests, to drive the error handling: {@code @Import(TestPages.class)}.
 * Their failures carry text that must never reach the person.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestPages.Routes.class)
public class TestPages {

    public static final String SECRET = "secret-detail-that-must-not-leak";

    @Controller
    static class Routes {

        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping("/test/database-down")
        String databaseDown() {
            throw new CannotGetJdbcConnectionException(SECRET, new java.sql.SQLException(SECRET));
        }

        @GetMapping("/test/session")
        String session(HttpServletRequest request) {
            request.getSession(true).setAttribute("touched", Boolean.TRUE);
            return "pages/guidance/start";
        }
    }
}
