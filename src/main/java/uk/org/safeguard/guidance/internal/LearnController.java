package uk.org.safeguard.guidance.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.org.safeguard.web.ErrorItem;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.NavigationEntry;
import uk.org.safeguard.web.Option;
import uk.org.safeguard.web.PublicPageCache;
import uk.org.safeguard.web.RouteRule;

/**
 * The public learning modules, one question to a page: how confident do you feel (1 to 5), the module's
 * text, a short knowledge check, the confidence question again, and what you scored. Answers are kept in
 * the HTTP session until the last one, then stored as one anonymous row ({@link LearnResponses}) and
 * cleared; only what the "done" page shows stays in the session. A step asked for before the ones ahead of
 * it are answered sends the person to the first unanswered one.
 */
@Controller
class LearnController {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String CONFIDENCE = "confidence";
    static final Set<String> CONFIDENCE_VALUES = Set.of("1", "2", "3", "4", "5");

    private final PageContents contents;
    private final LearnResponses responses;
    private final MessageSource messages;

    LearnController(PageContents contents, LearnResponses responses, MessageSource messages) {
        this.contents = contents;
        this.responses = responses;
        this.messages = messages;
    }

    @GetMapping("/learn")
    String index(Locale locale, Model model, HttpServletRequest request) {
        PublicPageCache.shareable(request);
        List<LearnViews.Card> cards = new ArrayList<>();
        for (LearnModule module : LearnModule.values()) {
            contents.published(module.page(), locale.getLanguage())
                    .ifPresent(shown -> cards.add(card(module, shown, locale)));
        }
        model.addAttribute("modules", cards);
        return "pages/guidance/learn/index";
    }

    @GetMapping("/learn/{module}")
    String before(@PathVariable("module") String slug, HttpServletRequest request, Locale locale, Model model) {
        LearnModule module = module(slug);
        Integer chosen = progress(request, module).before();
        return confidencePage(module, LearnStep.BEFORE, Field.of(CONFIDENCE, chosen == null ? null : chosen.toString(),
                null), locale, model);
    }

    @PostMapping("/learn/{module}")
    String saveBefore(@PathVariable("module") String slug,
            @RequestParam(name = CONFIDENCE, required = false) String confidence, HttpServletRequest request,
            Locale locale, Model model) {
        LearnModule module = module(slug);
        if (confidence == null || !CONFIDENCE_VALUES.contains(confidence)) {
            return confidencePage(module, LearnStep.BEFORE, Field.of(CONFIDENCE, null, t("learn.confidence.error",
                    locale)), locale, model);
        }
        HttpSession session = request.getSession();
        session.removeAttribute(resultAttribute(module));
        save(session, module, progress(request, module).withBefore(Integer.parseInt(confidence)));
        return "redirect:" + LearnStep.READ.path(module);
    }

    @GetMapping("/learn/{module}/read")
    String read(@PathVariable("module") String slug, HttpServletRequest request, Locale locale, Model model) {
        LearnModule module = module(slug);
        LearnProgress progress = progress(request, module);
        if (!progress.reached(LearnStep.READ)) {
            return redirectToFirstUnanswered(module, progress);
        }
        if (!progress.read()) {
            save(request.getSession(), module, progress.withRead());
        }
        PageContents.Shown shown = shown(module, locale);
        model.addAttribute("content", ContentView.of(shown, locale.getLanguage()));
        model.addAttribute("backHref", LearnStep.BEFORE.path(module));
        model.addAttribute("nextHref", LearnStep.QUIZ.path(module));
        return "pages/guidance/learn/read";
    }

    @GetMapping("/learn/{module}/quiz")
    String quiz(@PathVariable("module") String slug, HttpServletRequest request, Locale locale, Model model) {
        LearnModule module = module(slug);
        LearnProgress progress = progress(request, module);
        if (!progress.reached(LearnStep.QUIZ)) {
            return redirectToFirstUnanswered(module, progress);
        }
        List<String> answers = new ArrayList<>();
        for (int n = 1; n <= module.questions(); n++) {
            answers.add(progress.answers() == null ? null : progress.answers().get(n - 1));
        }
        return quizPage(module, answers, false, locale, model);
    }

    @PostMapping("/learn/{module}/quiz")
    String saveQuiz(@PathVariable("module") String slug, HttpServletRequest request, Locale locale, Model model) {
        LearnModule module = module(slug);
        LearnProgress progress = progress(request, module);
        if (!progress.reached(LearnStep.QUIZ)) {
            return redirectToFirstUnanswered(module, progress);
        }
        List<String> answers = new ArrayList<>();
        for (int n = 1; n <= module.questions(); n++) {
            String answer = request.getParameter(questionName(n));
            answers.add(answer != null && LearnModule.CHOICES.contains(answer) ? answer : null);
        }
        if (answers.contains(null)) {
            return quizPage(module, answers, true, locale, model);
        }
        save(request.getSession(), module, progress.withAnswers(answers));
        return "redirect:" + LearnStep.AFTER.path(module);
    }

    @GetMapping("/learn/{module}/after")
    String after(@PathVariable("module") String slug, HttpServletRequest request, Locale locale, Model model) {
        LearnModule module = module(slug);
        LearnProgress progress = progress(request, module);
        if (!progress.reached(LearnStep.AFTER)) {
            return redirectToFirstUnanswered(module, progress);
        }
        return confidencePage(module, LearnStep.AFTER, Field.blank(CONFIDENCE), locale, model);
    }

    @PostMapping("/learn/{module}/after")
    String saveAfter(@PathVariable("module") String slug,
            @RequestParam(name = CONFIDENCE, required = false) String confidence, HttpServletRequest request,
            Locale locale, Model model) {
        LearnModule module = module(slug);
        LearnProgress progress = progress(request, module);
        if (!progress.reached(LearnStep.AFTER)) {
            return redirectToFirstUnanswered(module, progress);
        }
        if (confidence == null || !CONFIDENCE_VALUES.contains(confidence)) {
            return confidencePage(module, LearnStep.AFTER, Field.of(CONFIDENCE, null, t("learn.confidence.error",
                    locale)), locale, model);
        }
        LearnResult result = new LearnResult(progress.before(), Integer.parseInt(confidence), progress.answers(),
                module.score(progress.answers()));
        responses.record(module, locale.getLanguage(), result, LocalDate.now(LONDON));
        HttpSession session = request.getSession();
        session.removeAttribute(progressAttribute(module));
        session.setAttribute(resultAttribute(module), result);
        return "redirect:" + LearnStep.DONE.path(module);
    }

    @GetMapping("/learn/{module}/done")
    String done(@PathVariable("module") String slug, HttpServletRequest request, Locale locale, Model model) {
        LearnModule module = module(slug);
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(resultAttribute(module)) instanceof LearnResult result)) {
            return redirectToFirstUnanswered(module, progress(request, module));
        }
        List<LearnViews.Answer> answers = new ArrayList<>();
        for (int n = 1; n <= module.questions(); n++) {
            String chosen = result.answers().get(n - 1);
            String correct = module.correctAnswer(n);
            String key = module.messages() + "q" + n;
            answers.add(new LearnViews.Answer(t(key, locale), t(key + "." + chosen, locale),
                    t(key + "." + correct, locale), chosen.equals(correct), t(key + ".explanation", locale)));
        }
        List<LearnViews.Card> others = new ArrayList<>();
        for (LearnModule other : LearnModule.values()) {
            if (other != module) {
                contents.published(other.page(), locale.getLanguage())
                        .ifPresent(shown -> others.add(card(other, shown, locale)));
            }
        }
        model.addAttribute("module", card(module, shown(module, locale), locale));
        model.addAttribute("correct", result.correct());
        model.addAttribute("questions", module.questions());
        model.addAttribute("answers", answers);
        model.addAttribute("before", confidenceLabel(result.before(), locale));
        model.addAttribute("after", confidenceLabel(result.after(), locale));
        model.addAttribute("others", others);
        return "pages/guidance/learn/done";
    }

    private String confidencePage(LearnModule module, LearnStep step, Field field, Locale locale, Model model) {
        List<Option> options = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            options.add(Option.of(Integer.toString(level), confidenceLabel(level, locale)));
        }
        boolean before = step == LearnStep.BEFORE;
        model.addAttribute("module", card(module, shown(module, locale), locale));
        model.addAttribute("question", t(module.messages() + (before ? "before" : "after"), locale));
        model.addAttribute("field", field);
        model.addAttribute("options", options);
        model.addAttribute("errors", field.hasError() ? List.of(ErrorItem.of(field)) : List.of());
        model.addAttribute("action", step.path(module));
        model.addAttribute("backHref", before ? "/learn" : LearnStep.QUIZ.path(module));
        model.addAttribute("showPrivacy", before);
        return "pages/guidance/learn/confidence";
    }

    private String quizPage(LearnModule module, List<String> answers, boolean validate, Locale locale, Model model) {
        List<LearnViews.Question> questions = new ArrayList<>();
        List<ErrorItem> errors = new ArrayList<>();
        for (int n = 1; n <= module.questions(); n++) {
            String key = module.messages() + "q" + n;
            List<Option> options = new ArrayList<>();
            for (String choice : LearnModule.CHOICES) {
                options.add(Option.of(choice, t(key + "." + choice, locale)));
            }
            String answer = answers.get(n - 1);
            String error = validate && answer == null ? t("learn.quiz.error", locale, n) : null;
            Field field = Field.of(questionName(n), answer, error);
            if (field.hasError()) {
                errors.add(ErrorItem.of(field));
            }
            questions.add(new LearnViews.Question(field, t("learn.quiz.legend", locale, n, t(key, locale)), options));
        }
        model.addAttribute("module", card(module, shown(module, locale), locale));
        model.addAttribute("questions", questions);
        model.addAttribute("errors", errors);
        model.addAttribute("action", LearnStep.QUIZ.path(module));
        model.addAttribute("backHref", LearnStep.READ.path(module));
        return "pages/guidance/learn/quiz";
    }

    private String confidenceLabel(int level, Locale locale) {
        return t("learn.confidence." + level, locale);
    }

    private LearnViews.Card card(LearnModule module, PageContents.Shown shown, Locale locale) {
        return new LearnViews.Card(module.path(), shown.title(), shown.summary(), shown.language(),
                !shown.language().equals(locale.getLanguage()));
    }

    private PageContents.Shown shown(LearnModule module, Locale locale) {
        return contents.published(module.page(), locale.getLanguage())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static LearnModule module(String slug) {
        return LearnModule.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static LearnProgress progress(HttpServletRequest request, LearnModule module) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(progressAttribute(module)) instanceof LearnProgress progress) {
            return progress;
        }
        return LearnProgress.NONE;
    }

    private static void save(HttpSession session, LearnModule module, LearnProgress progress) {
        session.setAttribute(progressAttribute(module), progress);
    }

    private static String redirectToFirstUnanswered(LearnModule module, LearnProgress progress) {
        return "redirect:" + progress.firstUnanswered().path(module);
    }

    private static String progressAttribute(LearnModule module) {
        return "learn." + module.slug() + ".progress";
    }

    private static String resultAttribute(LearnModule module) {
        return "learn." + module.slug() + ".result";
    }

    static String questionName(int number) {
        return "q" + number;
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Bean
    static NavigationEntry learnNavigation() {
        return new NavigationEntry("/learn", "learn.nav", 40);
    }

    @Bean
    static RouteRule learnRoute() {
        return RouteRule.publicRoute("/learn");
    }

    @Bean
    static RouteRule learnModuleRoute() {
        return RouteRule.publicRoute("/learn/{module}");
    }

    @Bean
    static RouteRule learnReadRoute() {
        return RouteRule.publicRoute("/learn/{module}/read");
    }

    @Bean
    static RouteRule learnQuizRoute() {
        return RouteRule.publicRoute("/learn/{module}/quiz");
    }

    @Bean
    static RouteRule learnAfterRoute() {
        return RouteRule.publicRoute("/learn/{module}/after");
    }

    @Bean
    static RouteRule learnDoneRoute() {
        return RouteRule.publicRoute("/learn/{module}/done");
    }
}
