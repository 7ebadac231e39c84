package uk.org.safeguard.guidance.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.guidance.internal.CheckAnswers.Choice;
import uk.org.safeguard.guidance.internal.CheckAnswers.Danger;
import uk.org.safeguard.guidance.internal.CheckAnswers.HowLong;
import uk.org.safeguard.guidance.internal.CheckAnswers.Noticed;
import uk.org.safeguard.guidance.internal.CheckAnswers.Step;
import uk.org.safeguard.guidance.internal.CheckAnswers.Who;
import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.RouteRule;

/**
 * The "is this a concern?" check: one question a page, then what the person can do. An answer of
 * immediate danger goes straight to "call 999". Answers stay in the session (see {@link CheckAnswers});
 * nothing is stored elsewhere or logged. A valid answer redirects to the next page (Post/Redirect/Get);
 * a missing one shows the page again with the error summary.
 */
@Controller
class CheckController {

    private static final String QUESTION = "pages/guidance/check/question";

    private final MessageSource messages;

    CheckController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/check")
    String start() {
        return "pages/guidance/check/start";
    }

    @GetMapping("/check/danger")
    String danger(HttpServletRequest request, Model model) {
        return dangerPage(model, answers(request).danger().map(Danger::value).orElse(null), null);
    }

    @PostMapping("/check/danger")
    String answerDanger(@RequestParam(name = "danger", required = false) String value, HttpServletRequest request,
            Model model) {
        Optional<Danger> answer = CheckAnswers.parse(Danger.class, value);
        if (answer.isEmpty()) {
            return dangerPage(model, null, "check.danger.error");
        }
        CheckAnswers answers = answers(request);
        answers.answerDanger(answer.get());
        save(request, answers);
        return answer.get() == Danger.YES ? "redirect:/check/call-999" : "redirect:" + Step.WHO.path();
    }

    @GetMapping("/check/call-999")
    String callNineNineNine() {
        return "pages/guidance/check/call999";
    }

    @GetMapping("/check/who")
    String who(HttpServletRequest request, Model model) {
        CheckAnswers answers = answers(request);
        return notReached(Step.WHO, answers)
                .orElseGet(() -> whoPage(model, answers.who().map(Who::value).orElse(null), null));
    }

    @PostMapping("/check/who")
    String answerWho(@RequestParam(name = "who", required = false) String value, HttpServletRequest request,
            Model model) {
        CheckAnswers answers = answers(request);
        Optional<String> back = notReached(Step.WHO, answers);
        if (back.isPresent()) {
            return back.get();
        }
        Optional<Who> answer = CheckAnswers.parse(Who.class, value);
        if (answer.isEmpty()) {
            return whoPage(model, null, "check.who.error");
        }
        answers.answerWho(answer.get());
        save(request, answers);
        return "redirect:" + Step.NOTICED.path();
    }

    @GetMapping("/check/noticed")
    String noticed(HttpServletRequest request, Model model) {
        CheckAnswers answers = answers(request);
        return notReached(Step.NOTICED, answers).orElseGet(() -> noticedPage(model,
                answers.noticed().stream().map(Noticed::value).toList(), null));
    }

    @PostMapping("/check/noticed")
    String answerNoticed(@RequestParam(name = "noticed", required = false) List<String> values,
            HttpServletRequest request, Model model) {
        CheckAnswers answers = answers(request);
        Optional<String> back = notReached(Step.NOTICED, answers);
        if (back.isPresent()) {
            return back.get();
        }
        List<String> submitted = values == null ? List.of() : values;
        Set<Noticed> ticked = EnumSet.noneOf(Noticed.class);
        submitted.forEach(value -> CheckAnswers.parse(Noticed.class, value).ifPresent(ticked::add));
        if (ticked.isEmpty()) {
            return noticedPage(model, submitted, "check.noticed.error");
        }
        // Without JavaScript nothing unticks the other boxes when "nothing clear" is ticked: ask, never guess.
        if (ticked.contains(Noticed.NOTHING_CLEAR) && ticked.size() > 1) {
            return noticedPage(model, submitted, "check.noticed.error.exclusive");
        }
        answers.answerNoticed(ticked);
        save(request, answers);
        return "redirect:" + Step.HOW_LONG.path();
    }

    @GetMapping("/check/how-long")
    String howLong(HttpServletRequest request, Model model) {
        CheckAnswers answers = answers(request);
        return notReached(Step.HOW_LONG, answers)
                .orElseGet(() -> howLongPage(model, answers.howLong().map(HowLong::value).orElse(null), null));
    }

    @PostMapping("/check/how-long")
    String answerHowLong(@RequestParam(name = "howLong", required = false) String value, HttpServletRequest request,
            Model model) {
        CheckAnswers answers = answers(request);
        Optional<String> back = notReached(Step.HOW_LONG, answers);
        if (back.isPresent()) {
            return back.get();
        }
        Optional<HowLong> answer = CheckAnswers.parse(HowLong.class, value);
        if (answer.isEmpty()) {
            return howLongPage(model, null, "check.howLong.error");
        }
        answers.answerHowLong(answer.get());
        save(request, answers);
        return "redirect:" + Step.RESULT.path();
    }

    @GetMapping("/check/result")
    String result(HttpServletRequest request, Model model) {
        CheckAnswers answers = answers(request);
        return notReached(Step.RESULT, answers).orElseGet(() -> {
            model.addAttribute("outcome", CheckOutcome.of(answers));
            return "pages/guidance/check/result";
        });
    }

    @PostMapping("/check/start-again")
    String startAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CheckAnswers.ATTRIBUTE);
        }
        return "redirect:" + Step.DANGER.path();
    }

    private String dangerPage(Model model, String value, String errorKey) {
        return radios(model, Field.of("danger", value, error(errorKey)), "check.danger.title", "check.danger.hint",
                Danger.values(), "/check", Step.DANGER);
    }

    private String whoPage(Model model, String value, String errorKey) {
        return radios(model, Field.of("who", value, error(errorKey)), "check.who.title", null, Who.values(),
                Step.DANGER.path(), Step.WHO);
    }

    private String howLongPage(Model model, String value, String errorKey) {
        return radios(model, Field.of("howLong", value, error(errorKey)), "check.howLong.title", null,
                HowLong.values(), Step.NOTICED.path(), Step.HOW_LONG);
    }

    private String noticedPage(Model model, List<String> values, String errorKey) {
        Field field = Field.of("noticed", null, error(errorKey));
        List<Option> options = new ArrayList<>(options(Noticed.signs().toArray(Noticed[]::new)));
        options.add(Option.divider());
        options.add(Option.exclusive(Noticed.NOTHING_CLEAR.value(), t(Noticed.NOTHING_CLEAR.messageKey())));
        question(model, field, "check.noticed.title", "check.noticed.hint", options, Step.WHO.path(), Step.NOTICED);
        model.addAttribute("multiple", true);
        model.addAttribute("values", values);
        return QUESTION;
    }

    private String radios(Model model, Field field, String legendKey, String hintKey, Choice[] choices,
            String backHref, Step step) {
        question(model, field, legendKey, hintKey, options(choices), backHref, step);
        return QUESTION;
    }

    private void question(Model model, Field field, String legendKey, String hintKey, List<Option> options,
            String backHref, Step step) {
        model.addAttribute("legend", t(legendKey));
        model.addAttribute("hint", hintKey == null ? null : t(hintKey));
        model.addAttribute("field", field);
        model.addAttribute("options", options);
        model.addAttribute("action", step.path());
        model.addAttribute("backHref", backHref);
        model.addAttribute("errors", field.hasError() ? List.of(ErrorItem.of(field)) : List.<ErrorItem>of());
    }

    private List<Option> options(Choice[] choices) {
        List<Option> options = new ArrayList<>();
        for (Choice choice : choices) {
            options.add(Option.of(choice.value(), t(choice.messageKey())));
        }
        return options;
    }

    /** The redirect to the first unanswered question when {@code step} comes after it. */
    private static Optional<String> notReached(Step step, CheckAnswers answers) {
        Optional<Step> first = answers.firstUnanswered();
        return step.reachableWith(first) ? Optional.empty() : Optional.of("redirect:" + first.get().path());
    }

    /** This person's answers so far; a fresh, unsaved set when they have none (no session is created to read). */
    private static CheckAnswers answers(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object answers = session == null ? null : session.getAttribute(CheckAnswers.ATTRIBUTE);
        return answers instanceof CheckAnswers existing ? existing : new CheckAnswers();
    }

    /** Set again after every change: a JDBC-backed session saves an attribute only when it is set. */
    private static void save(HttpServletRequest request, CheckAnswers answers) {
        request.getSession(true).setAttribute(CheckAnswers.ATTRIBUTE, answers);
    }

    private String error(String key) {
        return key == null ? null : t(key);
    }

    private String t(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    @Bean
    static RouteRule checkRoute() {
        return RouteRule.publicRoute("/check");
    }

    @Bean
    static RouteRule checkDangerRoute() {
        return RouteRule.publicRoute("/check/danger");
    }

    @Bean
    static RouteRule checkCallNineNineNineRoute() {
        return RouteRule.publicRoute("/check/call-999");
    }

    @Bean
    static RouteRule checkWhoRoute() {
        return RouteRule.publicRoute("/check/who");
    }

    @Bean
    static RouteRule checkNoticedRoute() {
        return RouteRule.publicRoute("/check/noticed");
    }

    @Bean
    static RouteRule checkHowLongRoute() {
        return RouteRule.publicRoute("/check/how-long");
    }

    @Bean
    static RouteRule checkResultRoute() {
        return RouteRule.publicRoute("/check/result");
    }

    @Bean
    static RouteRule checkStartAgainRoute() {
        return RouteRule.publicRoute("/check/start-again");
    }
}
