package org.commonweal.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A signed-in person's own account: who they are, their roles and organisation, their password. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final Organisations organisations;
    private final MessageSource messages;

    AccountController(Accounts accounts, Organisations organisations, MessageSource messages) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/account")
    String show(CommonwealUser user, Model model) {
        return render(user, PasswordForm.empty(), FormErrors.none(), false, model);
    }

    @PostMapping("/account/password")
    String changePassword(CommonwealUser user, @Valid @ModelAttribute("form") PasswordForm form, BindingResult binding,
                          Model model, HttpServletResponse response, Locale locale) {
        FormErrors errors = FormErrors.of(binding, messages, locale);
        if (!errors.has("currentPassword") && !form.currentPassword().isBlank()
                && !accounts.passwordMatches(user.id(), form.currentPassword())) {
            errors.add("currentPassword", messages.getMessage("account.password.wrong", null, locale));
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(user, PasswordForm.empty(), errors, false, model);
        }
        accounts.changePassword(user.id(), form.newPassword());
        return render(user, PasswordForm.empty(), FormErrors.none(), true, model);
    }

    private String render(CommonwealUser user, PasswordForm form, FormErrors errors, boolean changed, Model model) {
        var account = accounts.get(user.id()).account();
        model.addAttribute("account", account);
        model.addAttribute("organisation", account.organisationId() == null ? null
                : organisations.find(account.organisationId()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("changed", changed);
        return "identity/account";
    }
}
