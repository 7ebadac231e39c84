package uk.org.safeguard.guidance.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answers given so far in the "is this a concern?" check. They live only in the person's HTTP
 * session (so Back and the language switcher keep them) until they start again or the session ends:
 * nothing here is written to a table of our own, audited or logged. Only choice codes are kept, never
 * free text.
 */
final class CheckAnswers implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The session attribute that holds them. */
    static final String ATTRIBUTE = CheckAnswers.class.getName();

    private Danger danger;
    private Who who;
    private EnumSet<Noticed> noticed;
    private HowLong howLong;

    Optional<Danger> danger() {
        return Optional.ofNullable(danger);
    }

    Optional<Who> who() {
        return Optional.ofNullable(who);
    }

    /** Empty until the question is answered. */
    Set<Noticed> noticed() {
        return noticed == null ? Set.of() : EnumSet.copyOf(noticed);
    }

    Optional<HowLong> howLong() {
        return Optional.ofNullable(howLong);
    }

    void answerDanger(Danger answer) {
        danger = answer;
    }

    void answerWho(Who answer) {
        who = answer;
    }

    void answerNoticed(Collection<Noticed> answer) {
        noticed = answer.isEmpty() ? null : EnumSet.copyOf(answer);
    }

    void answerHowLong(HowLong answer) {
        howLong = answer;
    }

    /**
     * The first question still to answer, in the order they are asked, or empty when all are answered.
     * Someone who reaches a later page without the earlier answers (a bookmark, an expired session) is
     * sent back to it.
     */
    Optional<Step> firstUnanswered() {
        if (danger == null) {
            return Optional.of(Step.DANGER);
        }
        if (who == null) {
            return Optional.of(Step.WHO);
        }
        if (noticed == null) {
            return Optional.of(Step.NOTICED);
        }
        if (howLong == null) {
            return Optional.of(Step.HOW_LONG);
        }
        return Optional.empty();
    }

    /** The questions in the order they are asked, with the page each lives on. */
    enum Step {
        DANGER("/check/danger"), WHO("/check/who"), NOTICED("/check/noticed"), HOW_LONG("/check/how-long"),
        RESULT("/check/result");

        private final String path;

        Step(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }

        /** Whether this step may be shown once {@code firstUnanswered} is the first question left. */
        boolean reachableWith(Optional<Step> firstUnanswered) {
            return firstUnanswered.isEmpty() || ordinal() <= firstUnanswered.get().ordinal();
        }
    }

    /** A choice as the form submits it ({@code value}) and the key of its label. */
    interface Choice {
        String value();

        String messageKey();
    }

    static <E extends Enum<E> & Choice> Optional<E> parse(Class<E> type, String value) {
        for (E choice : type.getEnumConstants()) {
            if (choice.value().equals(value)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }

    /** "Is anyone in immediate danger right now?" */
    enum Danger implements Choice {
        YES("yes"), NO("no"), NOT_SURE("not-sure");

        private final String value;

        Danger(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String messageKey() {
            return "check.danger." + value;
        }
    }

    /** "Who are you worried about?" */
    enum Who implements Choice {
        FAMILY("family"), FRIEND("friend"), CHILD_I_WORK_WITH("child-i-work-with"), ONLINE("online"),
        MYSELF("myself");

        private final String value;

        Who(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String messageKey() {
            return "check.who." + value;
        }
    }

    /** "What have you noticed?": any of the signs, or {@link #NOTHING_CLEAR} on its own. */
    enum Noticed implements Choice {
        VIOLENCE_JUSTIFIED("violence-justified"), EXTREMIST_CONTENT("extremist-content"),
        HATEFUL_CONTACTS("hateful-contacts"), PULLING_AWAY("pulling-away"), PLANNING_HARM("planning-harm"),
        SOMETHING_ELSE("something-else"), NOTHING_CLEAR("nothing-clear");

        private final String value;

        Noticed(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String messageKey() {
            return "check.noticed." + value;
        }

        /** The signs, without the "nothing clear" choice. */
        static List<Noticed> signs() {
            return List.of(VIOLENCE_JUSTIFIED, EXTREMIST_CONTENT, HATEFUL_CONTACTS, PULLING_AWAY, PLANNING_HARM,
                    SOMETHING_ELSE);
        }
    }

    /** "How long have you noticed this?" */
    enum HowLong implements Choice {
        DAYS("days"), WEEKS("weeks"), MONTHS("months"), NOT_SURE("not-sure");

        private final String value;

        HowLong(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String messageKey() {
            return "check.howLong." + value;
        }
    }
}
