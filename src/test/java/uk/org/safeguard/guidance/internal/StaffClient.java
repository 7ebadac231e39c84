package uk.org.safeguard.guidance.internal;

import uk.org.safeguard.support.WebClient;

/** A member of staff's browser over plain HTTP. */
class StaffClient extends WebClient {

    StaffClient(int port) {
        super(port);
    }
}
