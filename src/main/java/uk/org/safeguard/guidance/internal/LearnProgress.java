package uk.org.safeguard.guidance.internal;

import java.io.Serializable;
import java.util.List;

/**
 * How far someone has gone through one learning module, kept in their HTTP session (and only there) until
 * they finish it. Immutable: every change is a new value put back in the session, which Spring Session
 * then saves.
 *
 * @param before the confidence chosen before starting (1 to 5), or null
 * @param read whether the module's text has been shown
 * @param answers the knowledge-check choices, question 1 first, or null until all were given
 */
record LearnProgress(Integer before, boolean read, List<String> answers) implements Serializable {

    static final LearnProgress NONE = new LearnProgress(null, false, null);

    LearnProgress {
        answers = answers == null ? null : List.copyOf(answers);
    }

    LearnProgress withBefore(int confidence) {
        return new LearnProgress(confidence, read, answers);
    }

    LearnProgress withRead() {
        return new LearnProgress(before, true, answers);
    }

    LearnProgress withAnswers(List<String> chosen) {
        return new LearnProgress(before, read, chosen);
    }

    /** The first step still to do; {@link LearnStep#AFTER} once everything before it is answered. */
    LearnStep firstUnanswered() {
        if (before == null) {
            return LearnStep.BEFORE;
        }
        if (!read) {
            return LearnStep.READ;
        }
        if (answers == null) {
            return LearnStep.QUIZ;
        }
        return LearnStep.AFTER;
    }

    /** Whether {@code step} may be shown: it is answered already, or it is the first one that is not. */
    boolean reached(LearnStep step) {
        return step.ordinal() <= firstUnanswered().ordinal();
    }
}
