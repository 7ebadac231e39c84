package uk.org.safeguard.guidance.internal;

import uk.org.safeguard.support.WebClient;

/** A visitor going through the check. */
class CheckClient extends WebClient {

    CheckClient(int port) {
        super(port);
    }
}
