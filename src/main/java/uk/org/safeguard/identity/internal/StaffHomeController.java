package uk.org.safeguard.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.web.Field;
import uk.org.safeguard.web.SummaryRow;
import uk.org.safeguard.web.TableCell;

/** The staff landing page, changing one's password, signing out everywhere, and the list of accounts. */
@Controller
class StaffHomeController {

    private final StaffAccess access;
    private final Accounts accounts;
    private final Boroughs boroughs;
    private final Passwords passwords;
    private final SignOutEverywhere signOutEverywhere;
    private final StaffSessions sessions;
    private final Texts texts;
    private final AccountAdministration administration;

    StaffHomeController(StaffAccess access, Accounts accounts, Boroughs boroughs, Passwords passwords,
            SignOutEverywhere signOutEverywhere, StaffSessions sessions, Texts texts,
            AccountAdministration administration) {
        this.administration = administration;
        this.access = access;
        this.accounts = accounts;
        this.boroughs = boroughs;
        this.passwords = passwords;
        this.signOutEverywhere = signOutEverywhere;
        this.sessions = sessions;
        this.texts = texts;
    }

    @GetMapping("/staff")
    String home(HttpServletRequest request, Model model) {
        StaffUser user = access.current().orElseThrow();
        Account account = accounts.byId(user.accountId()).orElseThrow();
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(SummaryRow.of(texts.t("identity.staff.roles"), user.roles().stream().sorted()
                .map(r -> texts.t("identity.role." + r.name())).collect(Collectors.joining(", "))));
        rows.add(SummaryRow.of(texts.t("identity.staff.organisation"), user.organisationName()));
        String boroughNames = user.boroughs().stream()
                .map(code -> boroughs.byCode(code).map(Borough::name).orElse(code)).collect(Collectors.joining(", "));
        rows.add(SummaryRow.of(texts.t("identity.staff.boroughs"),
                boroughNames.isEmpty() ? texts.t("identity.staff.noBoroughs") : boroughNames));
        model.addAttribute("name", account.displayName());
        model.addAttribute("rows", rows);
        model.addAttribute("demo", account.demo());
        model.addAttribute("canManageAccounts", user.hasPermission(Permission.ACCOUNTS_MANAGE));
        model.addAttribute("canReadAudit", user.hasPermission(Permission.AUDIT_READ));
        model.addAttribute("canReadCases", user.hasPermission(Permission.CASE_READ));
        model.addAttribute("canManageContent", user.hasPermission(Permission.CONTENT_MANAGE));
        model.addAttribute("canReadAggregates", user.hasPermission(Permission.AGGREGATES_READ));
        model.addAttribute("canManageRetention", user.hasPermission(Permission.RETENTION_MANAGE));
        model.addAttribute("notice", request.getParameter("passwordChanged") != null ? "identity.password.changed" : null);
        return "pages/identity/staffHome";
    }

    @PostMapping("/staff/sign-out-everywhere")
    String signOutEverywhere(HttpServletRequest request) {
        StaffUser user = access.current().orElseThrow();
        signOutEverywhere.signOut(user.accountId());
        sessions.signOut(request);
        return "redirect:/sign-in?signedOut";
    }

    @GetMapping("/staff/account/password")
    String passwordPage(Model model) {
        return passwordForm(model, Field.blank("current"), Field.blank("password"));
    }

    @PostMapping("/staff/account/password")
    String changePassword(@RequestParam(name = "current", defaultValue = "") String current,
            @RequestParam(name = "password", defaultValue = "") String password, Model model) {
        Account account = accounts.byId(access.current().orElseThrow().accountId()).orElseThrow();
        String currentError = current.isEmpty() ? "identity.password.error.currentEmpty"
                : passwords.currentPasswordMatches(account, current) ? null : "identity.password.error.currentIncorrect";
        String passwordError = passwords.problemWith(account, password).orElse(null);
        if (currentError != null || passwordError != null) {
            return passwordForm(model, texts.field("current", null, currentError),
                    texts.field("password", null, passwordError));
        }
        passwords.set(account, password, "password.changed");
        return "redirect:/staff?passwordChanged";
    }

    @GetMapping("/staff/account/authenticator")
    String authenticatorPage(Model model) {
        return authenticatorForm(model, Field.blank("current"));
    }

    /** A new phone: after the password, the authenticator is reset and set up again at the next sign-in. */
    @PostMapping("/staff/account/authenticator")
    String resetAuthenticator(@RequestParam(name = "current", defaultValue = "") String current,
            HttpServletRequest request, Model model) {
        StaffUser user = access.current().orElseThrow();
        Account account = accounts.byId(user.accountId()).orElseThrow();
        String error = current.isEmpty() ? "identity.password.error.currentEmpty"
                : passwords.currentPasswordMatches(account, current) ? null : "identity.password.error.currentIncorrect";
        if (error != null) {
            return authenticatorForm(model, texts.field("current", null, error));
        }
        administration.resetTwoFactor(account.id(), user.reference(), null);
        sessions.signOut(request);
        return "redirect:/sign-in?authenticatorReset";
    }

    private String authenticatorForm(Model model, Field current) {
        model.addAttribute("current", current);
        model.addAttribute("errors", Texts.errors(current));
        return "pages/identity/resetAuthenticator";
    }

    @GetMapping("/staff/admin/accounts")
    String accountsPage(Model model) {
        List<List<TableCell>> rows = accounts.all().stream().map(a -> List.of(TableCell.of(a.email()),
                TableCell.of(a.displayName()),
                TableCell.of(a.roles().stream().map(r -> texts.t("identity.role." + r.name())).collect(Collectors.joining(", "))),
                TableCell.of(a.organisationName()))).toList();
        model.addAttribute("rows", rows);
        return "pages/identity/accounts";
    }

    private String passwordForm(Model model, Field current, Field password) {
        StaffUser user = access.current().orElseThrow();
        model.addAttribute("current", current);
        model.addAttribute("password", password);
        model.addAttribute("errors", Texts.errors(current, password));
        model.addAttribute("mustChange", accounts.sessionState(user.accountId()).map(Accounts.SessionState::mustChangePassword).orElse(false));
        return "pages/identity/changePassword";
    }
}
