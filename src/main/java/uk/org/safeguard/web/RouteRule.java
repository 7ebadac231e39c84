package uk.org.safeguard.web;

import java.util.Objects;

/**
 * The access rule of one route, declared as a bean by the module that owns the route. The security
 * configuration is built from these rules, and a test fails when a controller route has none.
 *
 * @param pattern a path pattern exactly as the controller maps it ({@code /staff}, {@code /sign-in/reset-password/{token}})
 *     or a wider one ending in {@code /**} for routes that are not controllers (actuator, assets)
 * @param access who may use it
 * @param permission for {@link Access#STAFF}: the authority a signed-in member of staff needs, or null
 *     for "any member of staff who has finished signing in"
 */
public record RouteRule(String pattern, Access access, String permission) {

    public RouteRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(access, "access");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("A route pattern starts with /: " + pattern);
        }
        if (access != Access.STAFF && permission != null) {
            throw new IllegalArgumentException("Only staff routes need a permission: " + pattern);
        }
    }

    /** Anyone, signed in or not. */
    public static RouteRule publicRoute(String pattern) {
        return new RouteRule(pattern, Access.PUBLIC, null);
    }

    /** A step of signing in (or resetting a password): reached before signing in has finished. */
    public static RouteRule signInFlow(String pattern) {
        return new RouteRule(pattern, Access.SIGN_IN_FLOW, null);
    }

    /** Any member of staff who has signed in with both factors. */
    public static RouteRule staff(String pattern) {
        return new RouteRule(pattern, Access.STAFF, null);
    }

    /** Staff who hold {@code authority} (for example {@code Permission.ACCOUNTS_MANAGE.getAuthority()}). */
    public static RouteRule staff(String pattern, String authority) {
        return new RouteRule(pattern, Access.STAFF, Objects.requireNonNull(authority, "authority"));
    }

    /**
     * A partner system's API route ({@code /api/...}): stateless, without CSRF or session, authenticated
     * by the module that serves it (an API key sent as a bearer token), answering problem+json.
     */
    public static RouteRule api(String pattern) {
        if (!pattern.startsWith("/api/")) {
            throw new IllegalArgumentException("An API route lies under /api/: " + pattern);
        }
        return new RouteRule(pattern, Access.API, null);
    }

    /** Nobody. */
    public static RouteRule deny(String pattern) {
        return new RouteRule(pattern, Access.DENY, null);
    }

    /** Who may use a route. */
    public enum Access {
        /** Anyone. */
        PUBLIC,
        /** The pages of signing in, before it has finished; the pages themselves check the step reached. */
        SIGN_IN_FLOW,
        /** Staff who have signed in with both factors, holding the rule's permission if it names one. */
        STAFF,
        /** Nobody. */
        DENY,
        /** A partner system holding an API key; the route's module checks the key. */
        API
    }
}
