package org.commonweal.catalogue.web;

import java.util.Locale;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueRefused;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.ResourceDraft;
import org.commonweal.catalogue.Violation;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.platform.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A department's own catalogue: the list, registering, editing (items included) and retiring
 * resources. Every form works without JavaScript; "add rows" redraws the form with more item rows.
 */
@Controller
class CatalogueManagementController {

    private final Catalogue catalogue;
    private final Departments departments;
    private final Clock clock;
    private final MessageSource messages;

    CatalogueManagementController(Catalogue catalogue, Departments departments, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/department/catalogue")
    String list(CommonwealUser user, @RequestParam(defaultValue = "") String provider, Model model) {
        Organisation department = departments.managed(user, provider);
        model.addAttribute("department", department);
        model.addAttribute("departments", user.has(org.commonweal.identity.Role.PLATFORM_ADMIN) ? departments.all() : List.of());
        model.addAttribute("resources", catalogue.ofProviderIncludingRetired(department.identifier().memberCode()));
        return "catalogue/manage";
    }

    @GetMapping("/department/catalogue/new")
    String registerForm(CommonwealUser user, @RequestParam(defaultValue = "") String provider, Model model) {
        Organisation department = departments.managed(user, provider);
        return form(model, department, null, ResourceForm.blank(department.identifier().memberCode(), today()),
                FormErrors.none(), ResourceForm.BLANK_ROWS);
    }

    @PostMapping("/department/catalogue/new")
    String register(CommonwealUser user, @RequestParam MultiValueMap<String, String> params,
                    Locale locale, Model model, HttpServletResponse response) {
        Texts page = new Texts(messages, locale);
        ResourceForm form = ResourceForm.of(params);
        Organisation department = departments.managed(user, form.provider());
        if ("more".equals(params.getFirst("action"))) {
            return form(model, department, null, form, FormErrors.none(), ResourceForm.BLANK_ROWS * 2);
        }
        FormErrors errors = FormErrors.none();
        ResourceDraft draft = check(form, page, errors);
        if (draft == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, department, null, form, errors, 1);
        }
        try {
            DataResource registered = catalogue.register(draft.withProvider(department.identifier().memberCode()), user);
            return "redirect:/catalogue/resources/" + registered.code() + "?done=registered";
        } catch (CatalogueRefused refused) {
            if (refused.code() == CatalogueErrorCode.NOT_PROVIDER) {
                throw refused;
            }
            response.setStatus(refused.errorCode().status().value());
            errors.add(refused.code() == CatalogueErrorCode.CODE_TAKEN ? "code" : "",
                    page.t(refused.errorCode().messageKey(), refused.arguments()));
            return form(model, department, null, form, errors, 1);
        }
    }

    @GetMapping("/department/catalogue/{code}/edit")
    String editForm(CommonwealUser user, @PathVariable String code, Model model) {
        DataResource resource = manageable(user, code);
        Organisation department = departments.managed(user, resource.provider());
        return form(model, department, resource, ResourceForm.of(resource), FormErrors.none(), ResourceForm.BLANK_ROWS);
    }

    @PostMapping("/department/catalogue/{code}/edit")
    String edit(CommonwealUser user, @PathVariable String code, @RequestParam MultiValueMap<String, String> params,
                Locale locale, Model model, HttpServletResponse response) {
        Texts page = new Texts(messages, locale);
        DataResource resource = manageable(user, code);
        Organisation department = departments.managed(user, resource.provider());
        ResourceForm form = ResourceForm.of(params);
        if ("more".equals(params.getFirst("action"))) {
            return form(model, department, resource, form, FormErrors.none(), ResourceForm.BLANK_ROWS * 2);
        }
        FormErrors errors = FormErrors.none();
        ResourceDraft draft = check(form, page, errors);
        if (draft == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, department, resource, form, errors, 1);
        }
        try {
            catalogue.change(code, draft, form.versionNumber(), user);
            return "redirect:/catalogue/resources/" + code + "?done=changed";
        } catch (CatalogueRefused refused) {
            if (refused.code() == CatalogueErrorCode.NOT_PROVIDER) {
                throw refused;
            }
            response.setStatus(refused.errorCode().status().value());
            errors.add("", page.t(refused.errorCode().messageKey(), refused.arguments()));
            return form(model, department, resource, form, errors, 1);
        }
    }

    @GetMapping("/department/catalogue/{code}/retire")
    String retireForm(CommonwealUser user, @PathVariable String code, Model model) {
        model.addAttribute("resource", manageable(user, code));
        model.addAttribute("errors", FormErrors.none());
        return "catalogue/retire";
    }

    @PostMapping("/department/catalogue/{code}/retire")
    String retire(CommonwealUser user, @PathVariable String code, @RequestParam(defaultValue = "-1") String version,
                  Locale locale, Model model, HttpServletResponse response) {
        Texts page = new Texts(messages, locale);
        DataResource resource = manageable(user, code);
        long seen;
        try {
            seen = Long.parseLong(version);
        } catch (NumberFormatException e) {
            seen = -1;
        }
        try {
            catalogue.retire(code, seen, user);
            return "redirect:/catalogue/resources/" + code + "?done=retired";
        } catch (CatalogueRefused refused) {
            if (refused.code() == CatalogueErrorCode.NOT_PROVIDER) {
                throw refused;
            }
            response.setStatus(refused.errorCode().status().value());
            model.addAttribute("resource", catalogue.get(code));
            model.addAttribute("errors", FormErrors.none().add("", page.t(refused.errorCode().messageKey(), refused.arguments())));
            return "catalogue/retire";
        }
    }

    /** The resource, if this person may manage it; refused with 404 or 403 otherwise. */
    private DataResource manageable(CommonwealUser user, String code) {
        DataResource resource = catalogue.get(code);
        if (!catalogue.mayManage(user, resource.provider())) {
            throw new CatalogueRefused(CatalogueErrorCode.NOT_PROVIDER,
                    "Only staff of " + resource.provider() + " may manage " + code, resource.provider());
        }
        return resource;
    }

    private @org.jspecify.annotations.Nullable ResourceDraft check(ResourceForm form, Texts page, FormErrors errors) {
        List<String[]> problems = new ArrayList<>();
        ResourceDraft draft = form.draft(problems);
        for (String[] problem : problems) {
            errors.add(problem[0], page.t(problem[1]));
        }
        if (draft == null) {
            return null;
        }
        for (Violation violation : catalogue.check(draft)) {
            errors.add(ItemFields.id(violation.field()), page.t(violation.code().messageKey(), violation.arguments()));
        }
        return errors.any() ? null : draft;
    }

    private String form(Model model, Organisation department, @org.jspecify.annotations.Nullable DataResource resource, ResourceForm form,
                        FormErrors errors, int blankRows) {
        model.addAttribute("department", department);
        model.addAttribute("resource", resource);
        model.addAttribute("form", ResourceFormView.of(form, form.rowsToShow(blankRows)));
        model.addAttribute("errors", errors);
        return "catalogue/form";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
    }
}
