package org.commonweal.exchange.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.exchange.Agreement;
import org.commonweal.exchange.AgreementOverview;
import org.commonweal.exchange.AgreementStatus;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.ApplicationErrorCode;
import org.commonweal.exchange.CallRecords;
import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.SharingApplications;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sharing agreements as departments see them: the ones they use and the ones they provide, with
 * status and expiry; the provider and the data authority suspend, resume or revoke with a reason.
 */
@Controller
class AgreementPagesController {

    private final Agreements agreements;
    private final AgreementOverview overview;
    private final SharingApplications applications;
    private final CallRecords calls;
    private final SharingNames names;
    private final Ledger ledger;
    private final MessageSource messages;

    AgreementPagesController(Agreements agreements, AgreementOverview overview, SharingApplications applications, CallRecords calls,
                             SharingNames names, Ledger ledger, MessageSource messages) {
        this.agreements = agreements;
        this.overview = overview;
        this.applications = applications;
        this.calls = calls;
        this.names = names;
        this.ledger = ledger;
        this.messages = messages;
    }

    @GetMapping("/sharing/agreements")
    String list(CommonwealUser user, Model model) {
        String member = applications.memberOf(user);
        boolean oversight = oversees(user);
        if (!oversight && (member == null || !isStaff(user))) {
            throw new CommonwealException(ApplicationErrorCode.NOT_A_DEPARTMENT, "Only department staff see agreements");
        }
        model.addAttribute("asConsumer", member == null || !isStaff(user) ? List.of() : agreements.ofConsumer(member));
        model.addAttribute("asProvider", member == null || !isStaff(user) ? List.of() : agreements.ofProvider(member));
        model.addAttribute("all", oversight ? all() : List.of());
        model.addAttribute("oversight", oversight);
        model.addAttribute("names", names);
        return "sharing/agreements";
    }

    @GetMapping("/sharing/agreements/{id}")
    String show(@PathVariable String id, CommonwealUser user, Model model) {
        return render(visible(id, user), user, FormErrors.none(), model);
    }

    @PostMapping("/sharing/agreements/{id}/{action}")
    String change(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String reason,
                  CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        Agreement agreement = visible(id, user);
        if (!mayChange(agreement, user)) {
            throw new CommonwealException(ApplicationErrorCode.NOT_YOURS_TO_DECIDE,
                    "Only the providing department or the data authority changes an agreement");
        }
        if (!action.equals("resume") && reason.isBlank()) {
            response.setStatus(400);
            return render(agreement, user, FormErrors.none().add("reason",
                    messages.getMessage("sharing.agreement.reason_missing", null, locale)), model);
        }
        try {
            switch (action) {
                case "suspend" -> agreements.suspend(agreement.id(), reason, user.id().toString());
                case "resume" -> agreements.resume(agreement.id(), user.id().toString());
                case "revoke" -> agreements.revoke(agreement.id(), reason, user.id().toString());
                default -> throw new CommonwealException(ExchangeErrorCode.WRONG_STATUS, "There is no action " + action);
            }
            return "redirect:/sharing/agreements/" + agreement.id() + "?saved";
        } catch (CommonwealException refused) {
            response.setStatus(refused.errorCode().status().value());
            return render(agreements.find(agreement.id()).orElseThrow(), user, FormErrors.none().add("reason",
                    messages.getMessage(refused.errorCode().messageKey(), refused.arguments(), locale)), model);
        }
    }

    private String render(Agreement agreement, CommonwealUser user, FormErrors errors, Model model) {
        model.addAttribute("agreement", agreement);
        model.addAttribute("mayChange", mayChange(agreement, user));
        model.addAttribute("evidence", ledger.entriesAbout("exchange-agreement/" + agreement.id()));
        model.addAttribute("names", names);
        model.addAttribute("errors", errors);
        return "sharing/agreement";
    }

    private List<Agreement> all() {
        return overview.all();
    }

    private Agreement visible(String id, CommonwealUser user) {
        Agreement agreement;
        try {
            agreement = agreements.find(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            agreement = null;
        }
        if (agreement == null) {
            throw new CommonwealException(ExchangeErrorCode.AGREEMENT_NOT_FOUND, "No agreement has id " + id);
        }
        String member = applications.memberOf(user);
        String consumerMember = agreement.terms().consumer().split("/").length >= 3 ? agreement.terms().consumer().split("/")[2] : "";
        boolean party = member != null && isStaff(user) && (member.equals(agreement.providerMember()) || member.equals(consumerMember));
        if (!party && !oversees(user)) {
            throw new CommonwealException(ApplicationErrorCode.NOT_YOURS_TO_DECIDE, "This agreement is not your department's");
        }
        return agreement;
    }

    private boolean mayChange(Agreement agreement, CommonwealUser user) {
        if (agreement.status() == AgreementStatus.REVOKED || agreement.status() == AgreementStatus.EXPIRED) {
            return false;
        }
        return user.has(Role.DATA_AUTHORITY)
                || (isStaff(user) && agreement.providerMember().equals(applications.memberOf(user)));
    }

    private static boolean isStaff(CommonwealUser user) {
        return user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN);
    }

    private static boolean oversees(CommonwealUser user) {
        return user.has(Role.DATA_AUTHORITY) || user.has(Role.AUDITOR) || user.has(Role.PLATFORM_ADMIN);
    }
}
