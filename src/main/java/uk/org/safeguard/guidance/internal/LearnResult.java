package uk.org.safeguard.guidance.internal;

import java.io.Serializable;
import java.util.List;

/**
 * A finished module, kept in the session only to show the "done" page (in whichever language the person
 * switches to) after its anonymous row has been stored.
 *
 * @param answers the knowledge-check choices, question 1 first
 */
record LearnResult(int before, int after, List<String> answers, int correct) implements Serializable {

    LearnResult {
        answers = List.copyOf(answers);
    }
}
