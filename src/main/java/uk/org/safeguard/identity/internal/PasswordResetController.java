package uk.org.safeguard.identity.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.web.Field;

/** "I have forgotten my password": ask for a link, then choose a new password through it. */
@Controller
class PasswordResetController {

    private final PasswordReset reset;
    private final Passwords passwords;
    private final Texts texts;

    PasswordResetController(PasswordReset reset, Passwords passwords, Texts texts) {
        this.reset = reset;
        this.passwords = passwords;
        this.texts = texts;
    }

    @GetMapping("/sign-in/forgot-password")
    String forgotPage(Model model) {
        return forgotForm(model, Field.blank("email"));
    }

    @PostMapping("/sign-in/forgot-password")
    String forgot(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            Model model) {
        if (!email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return forgotForm(model, texts.field("email", email, "identity.forgot.error.email"));
        }
        if (reset.request(email, request.getRemoteAddr()) == PasswordReset.RequestOutcome.TOO_MANY_FROM_ADDRESS) {
            return message(model, "identity.forgot.tooMany.title", "identity.forgot.tooMany.body", "/sign-in",
                    "identity.forgot.sent.back");
        }
        return message(model, "identity.forgot.sent.title", "identity.forgot.sent.body", "/sign-in",
                "identity.forgot.sent.back");
    }

    @GetMapping("/sign-in/reset-password/{token}")
    String resetPage(@PathVariable String token, Model model) {
        if (reset.accountFor(token).isEmpty()) {
            return invalid(model);
        }
        return resetForm(model, token, Field.blank("password"));
    }

    @PostMapping("/sign-in/reset-password/{token}")
    String reset(@PathVariable String token, @RequestParam(name = "password", defaultValue = "") String password,
            Model model) {
        Optional<Account> account = reset.accountFor(token);
        if (account.isEmpty()) {
            return invalid(model);
        }
        Optional<String> problem = passwords.problemWith(account.get(), password);
        if (problem.isPresent()) {
            return resetForm(model, token, texts.field("password", null, problem.get()));
        }
        if (!reset.reset(token, password)) {
            return invalid(model);
        }
        return "redirect:/sign-in?passwordReset";
    }

    private String invalid(Model model) {
        return message(model, "identity.reset.invalid.title", "identity.reset.invalid.body",
                "/sign-in/forgot-password", "identity.reset.invalid.again");
    }

    private String forgotForm(Model model, Field email) {
        model.addAttribute("email", email);
        model.addAttribute("errors", Texts.errors(email));
        return "pages/identity/forgotPassword";
    }

    private String resetForm(Model model, String token, Field password) {
        model.addAttribute("action", "/sign-in/reset-password/" + token);
        model.addAttribute("password", password);
        model.addAttribute("errors", Texts.errors(password));
        return "pages/identity/resetPassword";
    }

    private String message(Model model, String title, String body, String href, String linkText) {
        model.addAttribute("title", texts.t(title));
        model.addAttribute("body", texts.t(body));
        model.addAttribute("linkHref", href);
        model.addAttribute("linkText", texts.t(linkText));
        return "pages/identity/message";
    }
}
