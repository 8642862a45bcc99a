package org.commonweal.exchange.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.DataResource;
import org.commonweal.exchange.ApplicationDecision;
import org.commonweal.exchange.ApplicationErrorCode;
import org.commonweal.exchange.ApplicationSettings;
import org.commonweal.exchange.NewApplication;
import org.commonweal.exchange.SharingApplication;
import org.commonweal.exchange.SharingApplications;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of sharing applications: apply from the catalogue, our department's applications,
 * the provider's inbox with deadline clocks, one application with its decision form, and the data
 * authority's overdue list and the refusal reasons. Every form works without JavaScript.
 */
@Controller
class ApplicationPagesController {

    /** The inbox views, in the order of the tabs. */
    enum View { PENDING, DUE_SOON, OVERDUE, ESCALATED, DECIDED }

    private final SharingApplications applications;
    private final Catalogue catalogue;
    private final SharingNames names;
    private final ApplicationSettings settings;
    private final Ledger ledger;
    private final MessageSource messages;

    ApplicationPagesController(SharingApplications applications, Catalogue catalogue, SharingNames names,
                               ApplicationSettings settings, Ledger ledger, MessageSource messages) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.names = names;
        this.settings = settings;
        this.ledger = ledger;
        this.messages = messages;
    }

    // ---- applying ------------------------------------------------------------------------------

    @GetMapping("/sharing/apply")
    String choose(@RequestParam(defaultValue = "") String q, CommonwealUser user, Model model) {
        staff(user);
        String query = q.strip().toLowerCase(Locale.ROOT);
        List<DataResource> resources = catalogue.all().stream()
                .filter(DataResource::offeredThroughGateway)
                .filter(r -> query.isEmpty() || r.code().toLowerCase(Locale.ROOT).contains(query)
                        || r.nameZh().toLowerCase(Locale.ROOT).contains(query) || r.nameEn().toLowerCase(Locale.ROOT).contains(query))
                .toList();
        model.addAttribute("resources", resources);
        model.addAttribute("q", q);
        model.addAttribute("days", settings.decisionWorkingDays());
        model.addAttribute("names", names);
        return "sharing/choose";
    }

    @GetMapping("/sharing/apply/{code}")
    String form(@PathVariable String code, CommonwealUser user, Model model) {
        staff(user);
        DataResource resource = applicable(code);
        return renderForm(resource, new ApplicationFormView(UUID.randomUUID().toString(), Set.of(), "", "", "", "",
                String.valueOf(settings.defaultCallsPerMinute()), "0", ""), FormErrors.none(), model);
    }

    @PostMapping("/sharing/apply/{code}")
    String apply(@PathVariable String code, @RequestParam(defaultValue = "") String submissionKey,
                 @RequestParam(name = "items", required = false) @Nullable List<String> items,
                 @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String legalBasis,
                 @RequestParam(defaultValue = "") String serviceId, @RequestParam(defaultValue = "") String validUntil,
                 @RequestParam(defaultValue = "") String callsPerMinute, @RequestParam(defaultValue = "0") String delayDays,
                 @RequestParam(defaultValue = "") String delayBasis, CommonwealUser user, Model model,
                 HttpServletResponse response, Locale locale) {
        staff(user);
        DataResource resource = applicable(code);
        Set<String> chosen = items == null ? Set.of() : new LinkedHashSet<>(items);
        ApplicationFormView typed = new ApplicationFormView(submissionKey, chosen, purpose, legalBasis, serviceId,
                validUntil, callsPerMinute, delayDays, delayBasis);
        FormErrors errors = FormErrors.none();
        if (chosen.isEmpty()) {
            errors.add("item-0", t("sharing.form.items_missing", locale));
        }
        if (purpose.isBlank() || purpose.strip().length() > 1000) {
            errors.add("purpose", t("sharing.form.purpose_missing", locale));
        }
        if (legalBasis.isBlank() || legalBasis.strip().length() > 1000) {
            errors.add("legalBasis", t("sharing.form.legal_basis_missing", locale));
        }
        LocalDate until = ApplicationForms.date(validUntil, "validUntil", errors, t("sharing.form.date_invalid", locale));
        if (until == null && validUntil.isBlank()) {
            errors.add("validUntil", t("sharing.form.date_invalid", locale));
        }
        int calls = ApplicationForms.number(callsPerMinute, settings.defaultCallsPerMinute(), "callsPerMinute", errors,
                t("sharing.form.number_invalid", locale));
        int delay = ApplicationForms.number(delayDays, 0, "delayDays", errors, t("sharing.form.number_invalid", locale));
        if (delay > 0 && delayBasis.isBlank()) {
            errors.add("delayBasis", t("sharing.form.delay_basis_missing", locale));
        }
        if (errors.any()) {
            response.setStatus(400);
            return renderForm(resource, typed, errors, model);
        }
        try {
            SharingApplication filed = applications.apply(new NewApplication(submissionKey, resource.code(),
                    serviceId.isBlank() ? null : serviceId, purpose, legalBasis, chosen, until, calls, delay, delayBasis), user);
            return "redirect:/sharing/applications/" + filed.id() + "?saved";
        } catch (CommonwealException refused) {
            response.setStatus(refused.errorCode().status().value());
            errors.add("", t(refused.errorCode().messageKey(), locale) + " — " + refused.getMessage());
            return renderForm(resource, typed, errors, model);
        }
    }

    private String renderForm(DataResource resource, ApplicationFormView form, FormErrors errors, Model model) {
        model.addAttribute("resource", resource);
        model.addAttribute("form", form);
        model.addAttribute("services", applications.servicesOf(resource.code(), resource.provider()));
        model.addAttribute("provider", names.department(resource.provider(), Locale.ROOT));
        model.addAttribute("names", names);
        model.addAttribute("errors", errors);
        return "sharing/apply";
    }

    private DataResource applicable(String code) {
        DataResource resource = catalogue.find(code).filter(r -> !r.retired()).orElseThrow(() -> new CommonwealException(
                ApplicationErrorCode.APPLICATION_NOT_FOUND, "No resource " + code));
        if (!resource.offeredThroughGateway()) {
            throw new CommonwealException(ApplicationErrorCode.RESOURCE_NOT_APPLICABLE,
                    "The resource " + code + " cannot be applied for");
        }
        return resource;
    }

    // ---- lists ---------------------------------------------------------------------------------

    @GetMapping("/sharing/applications")
    String mine(CommonwealUser user, Model model) {
        String member = staff(user);
        return list("mine", applications.ofConsumer(member), null, model);
    }

    @GetMapping("/sharing/inbox")
    String inbox(@RequestParam(defaultValue = "PENDING") String view, CommonwealUser user, Model model) {
        String member = staff(user);
        View chosen = Arrays.stream(View.values()).filter(v -> v.name().equals(view)).findFirst().orElse(View.PENDING);
        List<SharingApplication> shown = applications.ofProvider(member).stream().filter(a -> switch (chosen) {
            case PENDING -> a.pending();
            case DUE_SOON -> applications.clockOf(a) == SharingApplication.Clock.DUE_SOON;
            case OVERDUE -> applications.clockOf(a) == SharingApplication.Clock.OVERDUE;
            case ESCALATED -> a.pending() && a.escalatedAt() != null;
            case DECIDED -> !a.pending();
        }).toList();
        model.addAttribute("days", settings.decisionWorkingDays());
        return list("inbox", shown, chosen, model);
    }

    @GetMapping("/sharing/overdue")
    String overdue(CommonwealUser user, Model model) {
        oversight(user);
        return list("overdue", applications.overdue(), null, model);
    }

    @GetMapping("/sharing/refusals")
    String refusals(CommonwealUser user, Model model) {
        boolean all = user.has(Role.DATA_AUTHORITY) || user.has(Role.AUDITOR) || user.has(Role.PLATFORM_ADMIN);
        String member = all ? null : staff(user);
        model.addAttribute("applications", applications.refusals(member));
        model.addAttribute("names", names);
        return "sharing/refusals";
    }

    private String list(String kind, List<SharingApplication> shown, @Nullable View view, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("applications", shown);
        model.addAttribute("clocks", shown.stream().map(applications::clockOf).toList());
        model.addAttribute("views", View.values());
        model.addAttribute("view", view == null ? "" : view.name());
        model.addAttribute("names", names);
        model.addAttribute("days", settings.decisionWorkingDays());
        return "sharing/applications";
    }

    // ---- one application and its decision ---------------------------------------------------------

    @GetMapping("/sharing/applications/{id}")
    String show(@PathVariable String id, CommonwealUser user, Model model) {
        return render(visible(id, user), user, FormErrors.none(), new DecisionFormView("", Set.of(), "", "", ""), model);
    }

    @PostMapping("/sharing/applications/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(defaultValue = "") String outcome,
                  @RequestParam(defaultValue = "-1") String version,
                  @RequestParam(name = "approvedItems", required = false) @Nullable List<String> approvedItems,
                  @RequestParam(defaultValue = "") String approvedUntil, @RequestParam(defaultValue = "") String serviceId,
                  @RequestParam(defaultValue = "") String reason, CommonwealUser user, Model model,
                  HttpServletResponse response, Locale locale) {
        SharingApplication application = visible(id, user);
        Set<String> items = approvedItems == null ? Set.of() : new LinkedHashSet<>(approvedItems);
        DecisionFormView typed = new DecisionFormView(outcome, items, approvedUntil, serviceId, reason);
        FormErrors errors = FormErrors.none();
        ApplicationDecision.Outcome chosen = Arrays.stream(ApplicationDecision.Outcome.values())
                .filter(o -> o.name().equals(outcome)).findFirst().orElse(null);
        if (chosen == null) {
            errors.add("outcome-APPROVE", t("sharing.form.outcome_missing", locale));
        }
        if (chosen == ApplicationDecision.Outcome.REFUSE && reason.isBlank()) {
            errors.add("reason", t("sharing.form.reason_missing", locale));
        }
        LocalDate until = ApplicationForms.date(approvedUntil, "approvedUntil", errors, t("sharing.form.date_invalid", locale));
        int seen = ApplicationForms.number(version, -1, "version", errors, t("sharing.form.number_invalid", locale));
        if (errors.any()) {
            response.setStatus(400);
            return render(application, user, errors, typed, model);
        }
        try {
            applications.decide(application.id(), new ApplicationDecision(chosen, seen,
                    serviceId.isBlank() ? null : serviceId, items, until, reason), user);
            return "redirect:/sharing/applications/" + application.id() + "?saved";
        } catch (CommonwealException refused) {
            response.setStatus(refused.errorCode().status().value());
            String field = refused.errorCode() == ApplicationErrorCode.REFUSAL_REASON_MISSING ? "reason"
                    : refused.errorCode() == ApplicationErrorCode.NARROWING_INVALID ? "approvedItem-0" : "";
            errors.add(field, t(refused.errorCode().messageKey(), locale));
            return render(applications.get(application.id()), user, errors, typed, model);
        }
    }

    private String render(SharingApplication application, CommonwealUser user, FormErrors errors, DecisionFormView form,
                          Model model) {
        model.addAttribute("application", application);
        model.addAttribute("clock", applications.clockOf(application));
        model.addAttribute("resource", catalogue.find(application.resourceCode()).orElse(null));
        model.addAttribute("mayDecide", applications.mayDecide(application, user));
        model.addAttribute("asAuthority", applications.mayDecide(application, user)
                && !application.providerMember().equals(applications.memberOf(user)));
        model.addAttribute("services", applications.servicesOf(application.resourceCode(), application.providerMember()));
        model.addAttribute("evidence", ledger.entriesAbout("exchange-application/" + application.id()));
        model.addAttribute("names", names);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "sharing/application";
    }

    private SharingApplication visible(String id, CommonwealUser user) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CommonwealException(ApplicationErrorCode.APPLICATION_NOT_FOUND, "No application has id " + id);
        }
        SharingApplication application = applications.get(parsed);
        if (!applications.maySee(application, user)) {
            throw new CommonwealException(ApplicationErrorCode.NOT_YOURS_TO_DECIDE, "This application is not your department's");
        }
        return application;
    }

    // ---- access ---------------------------------------------------------------------------------

    /** The member code of a staff member's department; refuses everyone else. */
    private String staff(CommonwealUser user) {
        String member = applications.memberOf(user);
        if (member == null || !(user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN))) {
            throw new CommonwealException(ApplicationErrorCode.NOT_A_DEPARTMENT, "Only department staff have these pages");
        }
        return member;
    }

    private static void oversight(CommonwealUser user) {
        if (!(user.has(Role.DATA_AUTHORITY) || user.has(Role.AUDITOR) || user.has(Role.PLATFORM_ADMIN))) {
            throw new CommonwealException(ApplicationErrorCode.NOT_A_DEPARTMENT,
                    "Only the data authority, auditors and platform administrators see every department's applications");
        }
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
