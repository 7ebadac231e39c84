package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.support.IntegrationTest;
import uk.org.safeguard.web.RouteRule;

/**
 * Every controller route declares its access rule, and for every staff route each role gets exactly what
 * its permissions say: allowed (the page, or the form's own answer), forbidden (403), or, not signed in,
 * sent to sign in.
 */
@IntegrationTest
class RouteSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<RouteRule> rules;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Totp totp;

    @Autowired
    IdentityClock clock;

    /** A route as a controller maps it: one pattern, one HTTP method. */
    record Route(String pattern, String method) {
    }

    @Test
    void everyRouteHasARule() {
        assertThat(missingRules(routes().keySet().stream().map(Route::pattern).toList(), rules))
                .as("routes without a RouteRule bean: declare one in the module that owns the route").isEmpty();
    }

    @Test
    void aRouteWithoutARuleIsReported() {
        assertThat(missingRules(List.of("/staff", "/staff/new-page"), rules)).containsExactly("/staff/new-page");
    }

    @Test
    void anonymousVisitorsSeePublicPagesAndAreSentToSignInFromStaffPages() {
        StaffClient anonymous = new StaffClient(port);
        anonymous.get("/sign-in");
        Map<Route, String> failures = new TreeMap<>(java.util.Comparator.comparing(Route::toString));
        routes().forEach((route, rule) -> {
            String path = concrete(route.pattern());
            if (!"GET".equals(route.method())) {
                anonymous.get("/sign-in"); // a fresh CSRF token: signing out ends the session that held the last one
            }
            HttpResponse<String> response = "GET".equals(route.method()) ? anonymous.get(path) : anonymous.post(path);
            switch (rule.access()) {
                case STAFF -> {
                    if (!(response.statusCode() == 302 && StaffClient.location(response).equals("/sign-in"))) {
                        failures.put(route, "expected redirect to /sign-in, got " + response.statusCode());
                    }
                }
                case PUBLIC -> {
                    // A later step of a public journey (the check) sends someone who skipped earlier steps back to them.
                    boolean toPublicPage = response.statusCode() == 302
                            && rules.contains(RouteRule.publicRoute(StaffClient.location(response)));
                    // A path variable filled with the made-up "sample" may name nothing there is.
                    boolean noSuchSample = response.statusCode() == 404 && route.pattern().contains("{");
                    if ("GET".equals(route.method()) && !route.pattern().equals("/error") && response.statusCode() != 200
                            && !toPublicPage && !noSuchSample) {
                        failures.put(route, "expected 200, got " + response.statusCode());
                    }
                }
                case SIGN_IN_FLOW -> {
                    // A later step of signing in sends someone who has not done the earlier ones back to the start.
                    boolean backToStart = response.statusCode() == 302 && StaffClient.location(response).equals("/sign-in");
                    if ("GET".equals(route.method()) && response.statusCode() != 200 && !backToStart) {
                        failures.put(route, "expected 200 or back to /sign-in, got " + response.statusCode());
                    }
                }
                case DENY -> {
                    if (response.statusCode() != 403) {
                        failures.put(route, "expected 403, got " + response.statusCode());
                    }
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void eachRoleReachesExactlyTheStaffRoutesItsPermissionsAllow() {
        TestStaff staff = new TestStaff(administration, totp, clock);
        Map<Route, RouteRule> staffRoutes = new LinkedHashMap<>();
        routes().forEach((route, rule) -> {
            if (rule.access() == RouteRule.Access.STAFF) {
                staffRoutes.put(route, rule);
            }
        });
        assertThat(staffRoutes).isNotEmpty();
        // GETs first: a POST such as "sign out everywhere" ends the session.
        List<Route> ordered = new ArrayList<>(staffRoutes.keySet());
        ordered.sort(java.util.Comparator.comparing((Route r) -> !r.method().equals("GET"))
                .thenComparing(r -> r.pattern().contains("sign-out")));

        Map<Role, Map<String, String>> matrix = new EnumMap<>(Role.class);
        List<String> failures = new ArrayList<>();
        for (Role role : Role.values()) {
            StaffClient client = new StaffClient(port);
            staff.signIn(client, staff.create(role));
            Map<String, String> row = new LinkedHashMap<>();
            for (Route route : ordered) {
                RouteRule rule = staffRoutes.get(route);
                boolean allowed = rule.permission() == null || role.permissions().stream()
                        .anyMatch(p -> p.authority().equals(rule.permission()));
                client.get("/staff");
                String path = concrete(route.pattern());
                HttpResponse<String> response = "GET".equals(route.method()) ? client.get(path) : client.post(path);
                boolean sentToSignIn = response.statusCode() == 302 && StaffClient.location(response).equals("/sign-in");
                String outcome = response.statusCode() == 403 ? "forbidden" : sentToSignIn ? "sign-in" : "allowed";
                row.put(route.method() + " " + route.pattern(), outcome);
                // A route with a variable is reached with "sample", which names nothing: "not found" is its answer.
                boolean answered = route.method().equals("POST") || response.statusCode() == 200
                        || (route.pattern().contains("{") && response.statusCode() == 404);
                boolean ok = allowed ? outcome.equals("allowed") && answered : outcome.equals("forbidden");
                if (!ok) {
                    failures.add(role + " " + route + ": expected " + (allowed ? "allowed" : "forbidden") + ", got "
                            + response.statusCode() + " " + StaffClient.location(response));
                }
            }
            matrix.put(role, row);
        }
        assertThat(failures).as("role x route matrix:\n" + format(matrix)).isEmpty();
        assertThat(matrix.get(Role.ADMIN)).containsEntry("GET /staff/admin/accounts", "allowed");
        assertThat(matrix.get(Role.PRACTITIONER)).containsEntry("GET /staff/admin/accounts", "forbidden");
        assertThat(matrix.get(Role.OVERSIGHT)).containsEntry("GET /staff/audit", "allowed");
        assertThat(matrix.get(Role.PRACTITIONER)).containsEntry("GET /staff/audit", "forbidden");
        assertThat(matrix.get(Role.ADMIN)).containsEntry("GET /staff/audit", "forbidden");
        assertThat(matrix.get(Role.PROGRAMME)).containsEntry("GET /staff/content", "allowed");
        assertThat(matrix.get(Role.ADMIN)).containsEntry("GET /staff/content", "allowed");
        assertThat(matrix.get(Role.PRACTITIONER)).containsEntry("GET /staff/content", "forbidden");
    }

    /** Handler patterns with no rule of exactly that pattern. */
    static Set<String> missingRules(Collection<String> patterns, List<RouteRule> rules) {
        Set<String> declared = new TreeSet<>();
        rules.forEach(r -> declared.add(r.pattern()));
        Set<String> missing = new TreeSet<>(patterns);
        missing.removeAll(declared);
        return missing;
    }

    private Map<Route, RouteRule> routes() {
        Map<String, RouteRule> byPattern = new LinkedHashMap<>();
        rules.forEach(r -> byPattern.put(r.pattern(), r));
        Map<Route, RouteRule> routes = new LinkedHashMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.put(new Route(pattern, method.name()), byPattern.get(pattern));
                }
            }
        }
        routes.values().removeIf(java.util.Objects::isNull);
        return routes;
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "sample");
    }

    private static String format(Map<Role, Map<String, String>> matrix) {
        StringBuilder text = new StringBuilder();
        matrix.forEach((role, row) -> text.append(String.format("%-15s %s%n", role, row)));
        return text.toString();
    }
}
