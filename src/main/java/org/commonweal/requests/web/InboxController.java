package org.commonweal.requests.web;

import java.util.Set;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.commonweal.requests.Categories;
import org.commonweal.requests.RequestHandling;
import org.commonweal.requests.RequestQueries;
import org.commonweal.requests.RequestRefused;
import org.commonweal.requests.RequestSearch;
import org.commonweal.requests.RequestStatus;
import org.commonweal.requests.RequestsErrorCode;
import org.commonweal.requests.ServiceRequest;
import org.commonweal.requests.internal.Routing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A department's inbox: its requests with the deadline clock on each, earliest deadline first,
 * with views for what needs attention (due soon, overdue, transfers waiting, escalations) and,
 * for the 12345 centre, the queue of requests no rule could route.
 */
@Controller
class InboxController {

    private static final int PAGE_SIZE = 25;
    private static final Set<RequestStatus> OPEN = Set.of(RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS,
            RequestStatus.WAITING_FOR_CITIZEN);

    /** The inbox views, in the order of the tabs. */
    enum View { OPEN, DUE_SOON, OVERDUE, TRANSFERS, ESCALATED, UNROUTED, CLOSED }

    private final RequestQueries queries;
    private final RequestHandling handling;
    private final Categories categories;
    private final Routing routing;
    private final java.time.Clock clock;

    InboxController(RequestQueries queries, RequestHandling handling, Categories categories, Routing routing,
                    java.time.Clock clock) {
        this.clock = clock;
        this.queries = queries;
        this.handling = handling;
        this.categories = categories;
        this.routing = routing;
    }

    @GetMapping("/department/requests")
    String inbox(CommonwealUser user, @RequestParam(defaultValue = "OPEN") String view,
                 @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String district,
                 @RequestParam(defaultValue = "1") String page, Model model) {
        if (user.organisationId() == null) {
            throw new RequestRefused(RequestsErrorCode.NOT_YOUR_DEPARTMENT, "Only department staff have an inbox");
        }
        boolean supervisor = handling.isSupervisor(user);
        View chosen = parse(view, supervisor);
        String chosenCategory = categories.find(category).map(c -> c.code()).orElse("");
        String chosenDistrict = routing.districts().stream().anyMatch(d -> d.code().equals(district)) ? district : "";
        int pageNumber = PageNumbers.parse(page, 1000);
        RequestSearch.Results results = queries.search(search(chosen, user, chosenCategory, chosenDistrict, pageNumber));
        model.addAttribute("views", supervisor ? View.values()
                : java.util.Arrays.stream(View.values()).filter(v -> v != View.UNROUTED).toArray(View[]::new));
        model.addAttribute("view", chosen.name());
        model.addAttribute("results", results);
        model.addAttribute("categories", categories.all());
        model.addAttribute("districts", routing.districts());
        model.addAttribute("category", chosenCategory);
        model.addAttribute("district", chosenDistrict);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("isAdmin", user.has(Role.DEPARTMENT_ADMIN));
        model.addAttribute("now", clock.instant());
        return "requests/inbox";
    }

    private static View parse(String view, boolean supervisor) {
        try {
            View parsed = View.valueOf(view);
            return parsed == View.UNROUTED && !supervisor ? View.OPEN : parsed;
        } catch (IllegalArgumentException e) {
            return View.OPEN;
        }
    }

    private static RequestSearch search(View view, CommonwealUser user, String category, String district, int page) {
        Set<String> categories = category.isEmpty() ? Set.of() : Set.of(category);
        String inDistrict = district.isEmpty() ? null : district;
        java.util.UUID department = user.organisationId();
        return switch (view) {
            case OPEN -> new RequestSearch(Set.of(), categories, OPEN, null, null, department, inDistrict, null, null,
                    false, RequestSearch.Order.DEADLINE_FIRST, page, PAGE_SIZE);
            case DUE_SOON, OVERDUE -> new RequestSearch(Set.of(), categories, Set.of(), null, null, department, inDistrict,
                    view == View.OVERDUE ? ServiceRequest.Clock.OVERDUE : ServiceRequest.Clock.DUE_SOON, null, false, RequestSearch.Order.DEADLINE_FIRST, page, PAGE_SIZE);
            case TRANSFERS -> new RequestSearch(Set.of(), categories, Set.of(), null, null, null, inDistrict, null,
                    department, false, RequestSearch.Order.DEADLINE_FIRST, page, PAGE_SIZE);
            case ESCALATED -> new RequestSearch(Set.of(), categories, Set.of(), null, null, department, inDistrict, null,
                    null, true, RequestSearch.Order.DEADLINE_FIRST, page, PAGE_SIZE);
            case UNROUTED -> new RequestSearch(Set.of(), categories, Set.of(RequestStatus.UNROUTED), null, null, null,
                    inDistrict, null, null, false, RequestSearch.Order.NEWEST_FIRST, page, PAGE_SIZE);
            case CLOSED -> new RequestSearch(Set.of(), categories, Set.of(RequestStatus.RESOLVED, RequestStatus.CLOSED),
                    null, null, department, inDistrict, null, null, false, RequestSearch.Order.NEWEST_FIRST, page,
                    PAGE_SIZE);
        };
    }
}
