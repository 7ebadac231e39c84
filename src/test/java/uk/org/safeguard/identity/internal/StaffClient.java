package uk.org.safeguard.identity.internal;

import uk.org.safeguard.support.WebClient;

/** A member of staff's browser over plain HTTP. */
public class StaffClient extends WebClient {

    public StaffClient(int port) {
        super(port);
    }
}
