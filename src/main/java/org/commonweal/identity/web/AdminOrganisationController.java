package org.commonweal.identity.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Districts;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.internal.IdentitySettings;
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

/** The platform administrator registers organisations and corrects their names. */
@Controller
@RequestMapping("/admin/organisations")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AdminOrganisationController {

    private final Organisations organisations;
    private final Districts districts;
    private final MessageSource messages;
    private final String instance;

    AdminOrganisationController(Organisations organisations, Districts districts, MessageSource messages,
                                IdentitySettings settings) {
        this.organisations = organisations;
        this.districts = districts;
        this.messages = messages;
        this.instance = settings.instance();
    }

    @GetMapping
    String list(Model model) {
        return renderList(new OrganisationForm(), FormErrors.none(), model);
    }

    @PostMapping
    String register(CommonwealUser admin, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult binding,
                    Model model, HttpServletResponse response, Locale locale) {
        FormErrors errors = FormErrors.of(binding, messages, locale);
        if (!errors.any()) {
            try {
                Organisation created = organisations.register(
                        OrganisationIdentifier.of(instance, form.getKind().memberClass(), form.getMemberCode()),
                        form.getKind(), form.getNameZh().trim(), form.getNameEn().trim(), form.district(), admin.id());
                return "redirect:/admin/organisations/" + created.id() + "?registered";
            } catch (CommonwealException e) {
                errors.add("memberCode", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
                response.setStatus(e.errorCode().status().value());
                return renderList(form, errors, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return renderList(form, errors, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        Organisation organisation = organisations.get(id);
        var form = new OrganisationForm(organisation.kind(), organisation.identifier().memberCode(),
                organisation.nameZh(), organisation.nameEn(), organisation.districtCode());
        return renderOne(organisation, form, FormErrors.none(), model);
    }

    @PostMapping("/{id}")
    String rename(CommonwealUser admin, @PathVariable UUID id, @Valid @ModelAttribute("form") OrganisationForm form,
                  BindingResult binding, Model model, HttpServletResponse response, Locale locale) {
        Organisation organisation = organisations.get(id);
        FormErrors errors = FormErrors.of(binding, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return renderOne(organisation, form, errors, model);
        }
        organisations.rename(id, form.getNameZh().trim(), form.getNameEn().trim(), form.district(), admin.id());
        return "redirect:/admin/organisations/" + id + "?saved";
    }

    private String renderList(OrganisationForm form, FormErrors errors, Model model) {
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("districts", districts.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "identity/admin-organisations";
    }

    private String renderOne(Organisation organisation, OrganisationForm form, FormErrors errors, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("districts", districts.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "identity/admin-organisation";
    }
}
