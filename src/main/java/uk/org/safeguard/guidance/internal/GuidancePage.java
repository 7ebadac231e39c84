package uk.org.safeguard.guidance.internal;

import java.util.Optional;

/**
 * The public pages whose text is content that staff edit, in every language: the key names the item in
 * {@code guidance_version} and the shipped text under {@code guidance/content/<key>/<language>.md}.
 */
enum GuidancePage {
    SIGNS("signs", "/signs"),
    WHAT_HAPPENS_NEXT("what-happens-next", "/what-happens-next"),
    YOUR_DATA("your-data", "/your-data"),
    ACCESSIBILITY("accessibility", "/accessibility"),
    LEARN_SPOTTING_THE_SIGNS("learn-spotting-the-signs", "/learn/spotting-the-signs"),
    LEARN_STARTING_A_CONVERSATION("learn-starting-a-conversation", "/learn/starting-a-conversation"),
    LEARN_ONLINE("learn-online-radicalisation", "/learn/online-radicalisation");

    private final String key;
    private final String path;

    GuidancePage(String key, String path) {
        this.key = key;
        this.path = path;
    }

    String key() {
        return key;
    }

    /** Where the public sees it. */
    String path() {
        return path;
    }

    static Optional<GuidancePage> byKey(String key) {
        for (GuidancePage page : values()) {
            if (page.key.equals(key)) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }
}
