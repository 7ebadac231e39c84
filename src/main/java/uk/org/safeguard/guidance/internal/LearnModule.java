package uk.org.safeguard.guidance.internal;

import java.util.List;
import java.util.Optional;

/**
 * The public learning modules. Each reads its text from a {@link GuidancePage} (content staff edit and
 * translators translate) and checks what was learned with short multiple-choice questions, whose wording
 * lives in {@code messages/learn.properties} under {@code learn.<id>.q<n>} and whose right answers live here.
 */
enum LearnModule {
    SPOTTING_THE_SIGNS(GuidancePage.LEARN_SPOTTING_THE_SIGNS, "signs", "b", "a", "c"),
    STARTING_A_CONVERSATION(GuidancePage.LEARN_STARTING_A_CONVERSATION, "conversation", "b", "a", "c"),
    ONLINE_RADICALISATION(GuidancePage.LEARN_ONLINE, "online", "c", "a", "b");

    /** The choices every question offers, in order. */
    static final List<String> CHOICES = List.of("a", "b", "c");

    private static final String PREFIX = "/learn/";

    static {
        for (LearnModule module : values()) {
            if (!CHOICES.containsAll(module.correct)) {
                throw new IllegalStateException("A right answer that is not a choice: " + module);
            }
        }
    }

    private final GuidancePage page;
    private final String id;
    private final List<String> correct;

    LearnModule(GuidancePage page, String id, String... correct) {
        if (!page.path().startsWith(PREFIX)) {
            throw new IllegalArgumentException("A learning module's page lives under " + PREFIX + ": " + page);
        }
        this.page = page;
        this.id = id;
        this.correct = List.of(correct);
    }

    GuidancePage page() {
        return page;
    }

    /** The last part of its address, {@code /learn/<slug>}; also what a stored answer names the module by. */
    String slug() {
        return page.path().substring(PREFIX.length());
    }

    String path() {
        return page.path();
    }

    /** The start of its message keys: {@code learn.<id>.}. */
    String messages() {
        return "learn." + id + ".";
    }

    /** How many questions the knowledge check asks. */
    int questions() {
        return correct.size();
    }

    /** The right choice of question {@code number} (from 1). */
    String correctAnswer(int number) {
        return correct.get(number - 1);
    }

    /** How many of {@code answers} (question 1 first) are right. */
    int score(List<String> answers) {
        int right = 0;
        for (int i = 0; i < correct.size(); i++) {
            if (i < answers.size() && correct.get(i).equals(answers.get(i))) {
                right++;
            }
        }
        return right;
    }

    static Optional<LearnModule> bySlug(String slug) {
        for (LearnModule module : values()) {
            if (module.slug().equals(slug)) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }
}
