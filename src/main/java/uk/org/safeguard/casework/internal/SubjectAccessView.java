package uk.org.safeguard.casework.internal;

/** A prepared subject access export, for its page. */
public record SubjectAccessView(long id, String requestRef) {
}
