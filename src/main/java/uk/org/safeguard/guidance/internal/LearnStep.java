package uk.org.safeguard.guidance.internal;

/** The steps of a learning module, in order, and where each lives under the module's address. */
enum LearnStep {
    /** "Before you start: how confident do you feel?" */
    BEFORE(""),
    /** The module's text. */
    READ("/read"),
    /** The knowledge check. */
    QUIZ("/quiz"),
    /** The confidence question again. */
    AFTER("/after"),
    /** What was stored: the score, the right answers and the change in confidence. */
    DONE("/done");

    private final String suffix;

    LearnStep(String suffix) {
        this.suffix = suffix;
    }

    String path(LearnModule module) {
        return module.path() + suffix;
    }
}
