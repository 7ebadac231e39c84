package uk.org.safeguard.guidance.internal;

import uk.org.safeguard.guidance.internal.CheckAnswers.Danger;
import uk.org.safeguard.guidance.internal.CheckAnswers.HowLong;
import uk.org.safeguard.guidance.internal.CheckAnswers.Noticed;
import uk.org.safeguard.guidance.internal.CheckAnswers.Who;

/**
 * What the result page of the check says, worked out from complete answers. It only chooses which
 * fixed text to show: it never scores or labels the person.
 *
 * @param myself the person is worried about themselves: supportive text instead of the three options
 * @param urgent they said someone is or may be in immediate danger, or talked of plans to hurt people or
 *     get weapons: a reminder to call 999
 * @param callHotline someone else talks of plans to hurt people or get weapons: call the Anti-Terrorism Hotline
 * @param talkKey the message key of the "talk to someone" advice for who they are worried about, or null
 *     when talking to the person could put anyone at risk
 * @param howLongKey the message key of a sentence about how long it has gone on, or null
 */
public record CheckOutcome(boolean myself, boolean urgent, boolean callHotline, String talkKey, String howLongKey) {

    static CheckOutcome of(CheckAnswers answers) {
        Who who = answers.who().orElseThrow();
        boolean planningHarm = answers.noticed().contains(Noticed.PLANNING_HARM);
        boolean myself = who == Who.MYSELF;
        boolean urgent = answers.danger().orElseThrow() != Danger.NO || planningHarm;
        String talkKey = myself || planningHarm ? null : "check.result.talk." + who.value();
        HowLong howLong = answers.howLong().orElseThrow();
        String howLongKey = howLong == HowLong.DAYS || howLong == HowLong.MONTHS
                ? "check.result.howLong." + howLong.value() : null;
        return new CheckOutcome(myself, urgent, !myself && planningHarm, talkKey, howLongKey);
    }
}
