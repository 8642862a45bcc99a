package org.commonweal.identity.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Locale;

/** Anyone may create a citizen account; other roles are given by an administrator. */
@Controller
class RegistrationController {

    private final Accounts accounts;
    private final MessageSource messages;

    RegistrationController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        model.addAttribute("errors", FormErrors.none());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult binding, Model model,
                    HttpServletResponse response, Locale locale) {
        FormErrors errors = FormErrors.of(binding, messages, locale);
        if (!errors.any()) {
            try {
                accounts.create(form.username(), form.displayName().trim(), form.password(), null,
                        Set.of(Role.CITIZEN), Accounts.SYSTEM);
                return "redirect:/login?registered";
            } catch (CommonwealException e) {
                errors.add("username", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            }
        }
        response.setStatus(errors.has("username") && binding.getErrorCount() == 0
                ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", form.withoutPasswords());
        model.addAttribute("errors", errors);
        return "identity/register";
    }
}
