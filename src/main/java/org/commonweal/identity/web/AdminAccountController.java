package org.commonweal.identity.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.commonweal.identity.Account;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.identity.internal.GeneratedPasswords;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The platform administrator opens accounts and decides their roles and department. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AdminAccountController {

    private final Accounts accounts;
    private final Organisations organisations;
    private final MessageSource messages;

    AdminAccountController(Accounts accounts, Organisations organisations, MessageSource messages) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        NewAccountForm form = new NewAccountForm();
        form.setRoles(java.util.Set.of(Role.CITIZEN));
        return renderList(form, FormErrors.none(), model);
    }

    @PostMapping
    String open(CommonwealUser admin, @Valid @ModelAttribute("form") NewAccountForm form, BindingResult binding,
                Model model, HttpServletResponse response, Locale locale) {
        FormErrors errors = FormErrors.of(binding, messages, locale);
        if (!errors.any()) {
            try {
                String password = GeneratedPasswords.generate();
                Account account = accounts.create(form.getUsername(), form.getDisplayName().trim(), password,
                        form.getOrganisationId(), form.getRoles(), admin.id());
                return renderOne(accounts.get(account.id()), FormErrors.none(), password, model);
            } catch (CommonwealException e) {
                errors.add(e.errorCode().code().equals("username_taken") ? "username" : "organisationId",
                        messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
                response.setStatus(e.errorCode().status().value());
                return renderList(form, errors, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return renderList(form, errors, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return renderOne(accounts.get(id), FormErrors.none(), null, model);
    }

    @PostMapping("/{id}")
    String changeAccess(CommonwealUser admin, @PathVariable UUID id, @Valid @ModelAttribute("access") AccessForm form,
                        BindingResult binding, Model model, HttpServletResponse response, Locale locale) {
        Accounts.Versioned current = accounts.get(id);
        FormErrors errors = FormErrors.of(binding, messages, locale);
        if (!errors.any()) {
            try {
                accounts.changeAccess(id, form.getVersion(), form.getRoles(), form.getOrganisationId(), form.isEnabled(), admin.id());
                return "redirect:/admin/accounts/" + id + "?saved";
            } catch (CommonwealException e) {
                errors.add("roles", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
                response.setStatus(e.errorCode().status().value());
                return renderOne(accounts.get(id), errors, null, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return renderOne(current, errors, null, model);
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable UUID id, Model model) {
        Accounts.Versioned account = accounts.get(id);
        String password = GeneratedPasswords.generate();
        accounts.changePassword(id, password);
        return renderOne(accounts.get(account.account().id()), FormErrors.none(), password, model);
    }

    private String renderList(NewAccountForm form, FormErrors errors, Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "identity/admin-accounts";
    }

    private String renderOne(Accounts.Versioned account, FormErrors errors, @org.jspecify.annotations.Nullable String newPassword,
                             Model model) {
        model.addAttribute("account", account.account());
        model.addAttribute("version", account.version());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", errors);
        model.addAttribute("newPassword", newPassword);
        return "identity/admin-account";
    }
}
