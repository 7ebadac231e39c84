package uk.org.safeguard.guidance.internal;

import uk.org.safeguard.support.WebClient;

/** A visitor going through a learning module. */
class LearnClient extends WebClient {

    LearnClient(int port) {
        super(port);
    }
}
