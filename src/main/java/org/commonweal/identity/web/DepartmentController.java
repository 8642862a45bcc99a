package org.commonweal.identity.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.IdentityErrorCode;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A department's own page: its staff and, for its administrator, the API tokens of its systems.
 * Staff see only their own department; auditors and the platform administrator see every one.
 */
@Controller
class DepartmentController {

    private final Organisations organisations;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final MessageSource messages;

    DepartmentController(Organisations organisations, Accounts accounts, ApiTokens tokens, MessageSource messages) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/department")
    String mine(CommonwealUser user) {
        if (user.organisationId() == null) {
            throw new CommonwealException(IdentityErrorCode.DEPARTMENT_REQUIRED, "You do not belong to a department");
        }
        return "redirect:/departments/" + user.organisationId();
    }

    @GetMapping("/departments/{id}")
    String show(CommonwealUser user, @PathVariable UUID id, Model model) {
        return render(user, visibleDepartment(user, id), new TokenForm(""), FormErrors.none(), null, model);
    }

    @PostMapping("/departments/{id}/tokens")
    String issueToken(CommonwealUser user, @PathVariable UUID id, @Valid @ModelAttribute("form") TokenForm form,
                      BindingResult binding, Model model, HttpServletResponse response, Locale locale) {
        Organisation department = administeredDepartment(user, id);
        FormErrors errors = FormErrors.of(binding, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(user, department, form, errors, null, model);
        }
        ApiTokens.IssuedToken issued = tokens.issue(department.id(), form.name().trim(), user.id());
        return render(user, department, new TokenForm(""), FormErrors.none(), issued, model);
    }

    @PostMapping("/departments/{id}/tokens/{tokenId}/revoke")
    String revokeToken(CommonwealUser user, @PathVariable UUID id, @PathVariable UUID tokenId) {
        tokens.revoke(administeredDepartment(user, id).id(), tokenId);
        return "redirect:/departments/" + id + "?revoked";
    }

    private Organisation visibleDepartment(CommonwealUser user, UUID id) {
        Organisation department = organisations.get(id);
        if (department.kind() != OrganisationKind.DEPARTMENT) {
            throw new CommonwealException(IdentityErrorCode.NOT_A_DEPARTMENT, department.identifier() + " is not a department",
                    department.identifier());
        }
        if (!user.maySeeDepartment(id)) {
            throw new CommonwealException(IdentityErrorCode.OTHER_DEPARTMENT, "You may only see your own department");
        }
        return department;
    }

    /** Only the department's own administrator manages its API tokens. */
    private Organisation administeredDepartment(CommonwealUser user, UUID id) {
        Organisation department = visibleDepartment(user, id);
        if (!user.has(Role.DEPARTMENT_ADMIN) || !id.equals(user.organisationId())) {
            throw new CommonwealException(IdentityErrorCode.OTHER_DEPARTMENT,
                    "Only this department's administrator manages its API tokens");
        }
        return department;
    }

    private String render(CommonwealUser user, Organisation department, TokenForm form, FormErrors errors,
                          ApiTokens.@Nullable IssuedToken issued, Model model) {
        boolean administers = user.has(Role.DEPARTMENT_ADMIN) && department.id().equals(user.organisationId());
        model.addAttribute("department", department);
        model.addAttribute("staff", accounts.inDepartment(department.id()));
        model.addAttribute("administers", administers);
        model.addAttribute("tokens", administers ? tokens.of(department.id()) : java.util.List.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("issued", issued);
        return "identity/department";
    }
}
