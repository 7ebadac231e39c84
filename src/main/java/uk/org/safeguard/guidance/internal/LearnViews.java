package uk.org.safeguard.guidance.internal;

import java.util.List;

import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;

/** What the learning module templates show, already translated. */
public final class LearnViews {

    private LearnViews() {
    }

    /**
     * A module as a link with its title and summary, which are content: in English when the person's
     * language has no translation yet ({@code fallback}), so the page marks their language.
     */
    public record Card(String href, String title, String summary, String language, boolean fallback) {
    }

    /** One knowledge-check question with its choices. */
    public record Question(Field field, String legend, List<Option> options) {
    }

    /** One question of a finished knowledge check: what was chosen, what is right and why. */
    public record Answer(String question, String chosen, String correctAnswer, boolean right, String explanation) {
    }

    /** A plain link. */
    public record Link(String href, String text) {
    }
}
