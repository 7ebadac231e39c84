package uk.org.safeguard.identity.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.Field;

/**
 * Signing in: email and password, then the second factor (set up on first sign-in, with recovery codes
 * shown once), and signing out.
 */
@Controller
class SignInController {

    private final SignIn signIn;
    private final TwoFactor twoFactor;
    private final StaffSessions sessions;
    private final Accounts accounts;
    private final Texts texts;
    private final IdentityAudit audit;

    SignInController(SignIn signIn, TwoFactor twoFactor, StaffSessions sessions, Accounts accounts, Texts texts,
            IdentityAudit audit) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.accounts = accounts;
        this.texts = texts;
        this.audit = audit;
    }

    @GetMapping("/sign-in")
    String signInPage(HttpServletRequest request, Model model) {
        String notice = request.getParameter("ended") != null ? "identity.signIn.ended"
                : request.getParameter("signedOut") != null ? "identity.signIn.signedOut"
                : request.getParameter("passwordReset") != null ? "identity.signIn.passwordReset"
                : request.getParameter("authenticatorReset") != null ? "identity.signIn.authenticatorReset" : null;
        return signInForm(model, Field.blank("email"), Field.blank("password"), notice);
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (email.isBlank() || password.isEmpty()) {
            return signInForm(model, texts.field("email", email, email.isBlank() ? "identity.signIn.error.emailEmpty" : null),
                    texts.field("password", null, password.isEmpty() ? "identity.signIn.error.passwordEmpty" : null), null);
        }
        SignIn.Result result = signIn.checkPassword(email, password, request.getRemoteAddr());
        return switch (result.outcome()) {
            case REFUSED -> signInForm(model, texts.field("email", email, "identity.signIn.error.incorrect"),
                    Field.blank("password"), null);
            case LOCKED -> signInForm(model, texts.field("email", email, "identity.signIn.error.locked"),
                    Field.blank("password"), null);
            case ACCEPTED -> {
                Account account = result.account().orElseThrow();
                sessions.passwordAccepted(account, request, response);
                yield account.totpEnrolled() ? "redirect:/sign-in/two-factor" : "redirect:/sign-in/set-up-two-factor";
            }
        };
    }

    @GetMapping("/sign-in/two-factor")
    String twoFactorPage(Model model) {
        Optional<String> elsewhere = whereToGoInstead(true);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return twoFactorForm(model, Field.blank("code"));
    }

    @PostMapping("/sign-in/two-factor")
    String twoFactor(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<String> elsewhere = whereToGoInstead(true);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        StaffUser user = sessions.partiallySignedIn().orElseThrow();
        if (code.isBlank()) {
            return twoFactorForm(model, texts.field("code", null, "identity.twoFactor.error.empty"));
        }
        return switch (twoFactor.verify(user.accountId(), code)) {
            case ACCEPTED -> {
                sessions.secondFactorAccepted(user, request, response);
                yield "redirect:/staff";
            }
            case REFUSED -> twoFactorForm(model, texts.field("code", null, "identity.twoFactor.error.incorrect"));
            case LOCKED -> twoFactorForm(model, texts.field("code", null, "identity.twoFactor.error.locked"));
        };
    }

    @GetMapping("/sign-in/set-up-two-factor")
    String setUpPage(Model model) {
        Optional<String> elsewhere = whereToGoInstead(false);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return setUpForm(model, Field.blank("code"));
    }

    @PostMapping("/sign-in/set-up-two-factor")
    String setUp(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<String> elsewhere = whereToGoInstead(false);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        StaffUser user = sessions.partiallySignedIn().orElseThrow();
        List<String> codes = twoFactor.confirmEnrolment(user.accountId(), code);
        if (codes == null) {
            return setUpForm(model, texts.field("code", null, "identity.setUp.error.incorrect"));
        }
        sessions.secondFactorAccepted(user, request, response);
        // Shown in this response only, never stored in the session.
        model.addAttribute("codes", codes);
        model.addAttribute("next", "/staff");
        return "pages/identity/recoveryCodes";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request) {
        sessions.anyStaff().ifPresent(user -> audit.account(user.accountId(), "sign-out"));
        sessions.signOut(request);
        return "redirect:/sign-in?signedOut";
    }

    /**
     * Where someone who should not be on a second-factor page goes: not signed in, to the start; set-up
     * done, to the code page; set-up not done, to set-up.
     */
    private Optional<String> whereToGoInstead(boolean wantsEnrolled) {
        Optional<StaffUser> user = sessions.partiallySignedIn();
        if (user.isEmpty()) {
            return Optional.of(sessions.anyStaff().isPresent() ? "redirect:/staff" : "redirect:/sign-in");
        }
        boolean enrolled = accounts.byId(user.get().accountId()).map(Account::totpEnrolled).orElse(false);
        if (enrolled != wantsEnrolled) {
            return Optional.of(enrolled ? "redirect:/sign-in/two-factor" : "redirect:/sign-in/set-up-two-factor");
        }
        return Optional.empty();
    }

    private String signInForm(Model model, Field email, Field password, String notice) {
        model.addAttribute("email", email);
        model.addAttribute("password", password);
        model.addAttribute("errors", Texts.errors(email, password));
        model.addAttribute("notice", notice);
        return "pages/identity/signIn";
    }

    private String twoFactorForm(Model model, Field code) {
        model.addAttribute("code", code);
        model.addAttribute("errors", Texts.errors(code));
        return "pages/identity/twoFactor";
    }

    private String setUpForm(Model model, Field code) {
        StaffUser user = sessions.partiallySignedIn().orElseThrow();
        Account account = accounts.byId(user.accountId()).orElseThrow();
        model.addAttribute("code", code);
        model.addAttribute("errors", Texts.errors(code));
        model.addAttribute("qrCode", twoFactor.qrCode(account));
        model.addAttribute("secret", twoFactor.secretOf(account.id()));
        return "pages/identity/setUpTwoFactor";
    }
}
