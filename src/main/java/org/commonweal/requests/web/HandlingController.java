package org.commonweal.requests.web;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.web.FormErrors;
import org.commonweal.requests.Categories;
import org.commonweal.requests.CitizenRequests;
import org.commonweal.requests.RequestHandling;
import org.commonweal.requests.RequestRefused;
import org.commonweal.requests.RequestsErrorCode;
import org.commonweal.requests.ServiceRequest;
import org.commonweal.requests.internal.Routing;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One request as staff handle it: everything about it (the requester's contact included: staff
 * need it to do their work) and the actions their department may take now. Every action names the
 * version the person saw, so a concurrent change is reported instead of overwritten.
 */
@Controller
class HandlingController {

    private final CitizenRequests citizens;
    private final RequestHandling handling;
    private final Categories categories;
    private final Organisations organisations;
    private final Routing routing;
    private final Ledger ledger;
    private final MessageSource messages;
    private final Clock clock;

    HandlingController(CitizenRequests citizens, RequestHandling handling, Categories categories,
                       Organisations organisations, Routing routing, Ledger ledger, MessageSource messages, Clock clock) {
        this.citizens = citizens;
        this.handling = handling;
        this.categories = categories;
        this.organisations = organisations;
        this.routing = routing;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/department/requests/{number}")
    String show(@PathVariable String number, CommonwealUser user, Model model) {
        return render(visible(number, user), user, FormErrors.none(), model);
    }

    @PostMapping("/department/requests/{number}/{action}")
    String act(@PathVariable String number, @PathVariable String action, @RequestParam(defaultValue = "-1") int version,
               @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String department,
               @RequestParam(defaultValue = "") String into, @RequestParam(required = false) @Nullable String isPublic,
               CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        ServiceRequest request = visible(number, user);
        String n = request.trackingNumber();
        try {
            switch (action) {
                case "accept" -> handling.accept(n, user, version, text);
                case "clarify" -> handling.askForClarification(n, user, version, text);
                case "note" -> handling.addNote(n, user, version, text, isPublic != null);
                case "transfer" -> handling.proposeTransfer(n, user, version, departmentId(department), text);
                case "accept-transfer" -> handling.acceptTransfer(n, user, version);
                case "decline-transfer" -> handling.declineTransfer(n, user, version, text);
                case "resolve" -> handling.resolve(n, user, version, text);
                case "merge" -> handling.merge(n, user, version, into);
                case "route" -> handling.route(n, user, version, departmentId(department));
                default -> throw new RequestRefused(RequestsErrorCode.WRONG_STATUS, "There is no action '" + action + "'");
            }
            return "redirect:/department/requests/" + n + "?saved";
        } catch (RequestRefused refused) {
            response.setStatus(refused.errorCode().status().value());
            FormErrors errors = FormErrors.none().add(action + "-text",
                    messages.getMessage(refused.errorCode().messageKey(), refused.arguments(), locale));
            return render(citizens.get(n), user, errors, model);
        }
    }

    private ServiceRequest visible(String number, CommonwealUser user) {
        ServiceRequest request = citizens.get(number);
        boolean seesDepartment = request.departmentId() != null && user.maySeeDepartment(request.departmentId());
        if (!handling.mayHandle(request, user) && !seesDepartment) {
            throw new RequestRefused(RequestsErrorCode.NOT_YOUR_DEPARTMENT, "This request is not with your department");
        }
        return request;
    }

    private static UUID departmentId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(RequestsErrorCode.TRANSFER_TARGET_INVALID, "Choose a department from the list");
        }
    }

    private String render(ServiceRequest request, CommonwealUser user, FormErrors errors, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("category", categories.get(request.serviceCode()));
        model.addAttribute("clock", request.clock(clock.instant()));
        model.addAttribute("history", handling.history(request));
        model.addAttribute("photos", citizens.photos(request));
        model.addAttribute("evidence", ledger.entriesAbout(request.trackingNumber()));
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("districts", routing.districts());
        model.addAttribute("mine", user.organisationId() != null && user.organisationId().equals(request.departmentId()));
        model.addAttribute("transferToMe", user.organisationId() != null && user.organisationId().equals(request.transferToId()));
        model.addAttribute("supervisor", handling.isSupervisor(user));
        model.addAttribute("errors", errors);
        return "requests/handle";
    }
}
