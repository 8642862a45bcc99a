package org.commonweal.requests.web;

import java.util.Locale;
import java.util.Set;

import org.commonweal.requests.Categories;
import org.commonweal.requests.RequestQueries;
import org.commonweal.requests.RequestSearch;
import org.commonweal.requests.RequestStatus;
import org.commonweal.requests.internal.Routing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Everyone can browse requests on a list and a map; no personal data is shown. */
@Controller
class PublicRequestsController {

    private static final int PAGE_SIZE = 25;
    private static final int MAX_PAGE = 400;

    private final RequestQueries queries;
    private final Categories categories;
    private final Routing routing;
    private final MapData maps;

    PublicRequestsController(RequestQueries queries, Categories categories, Routing routing, MapData maps) {
        this.queries = queries;
        this.categories = categories;
        this.routing = routing;
        this.maps = maps;
    }

    @GetMapping("/requests")
    String list(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String district, @RequestParam(defaultValue = "1") String page,
                Model model, Locale locale) {
        String chosenCategory = categories.find(category).map(c -> c.code()).orElse("");
        String chosenDistrict = routing.districts().stream().anyMatch(d -> d.code().equals(district)) ? district : "";
        Set<RequestStatus> statuses = switch (status) {
            case "open" -> Set.of(RequestStatus.UNROUTED, RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS,
                    RequestStatus.WAITING_FOR_CITIZEN);
            case "closed" -> Set.of(RequestStatus.RESOLVED, RequestStatus.CLOSED);
            default -> Set.of();
        };
        int pageNumber = PageNumbers.parse(page, MAX_PAGE);
        RequestSearch search = new RequestSearch(Set.of(), chosenCategory.isEmpty() ? Set.of() : Set.of(chosenCategory),
                statuses, null, null, null, chosenDistrict.isEmpty() ? null : chosenDistrict, null, null, false,
                RequestSearch.Order.NEWEST_FIRST, pageNumber, PAGE_SIZE);
        RequestSearch.Results results = queries.search(search);
        model.addAttribute("results", results);
        model.addAttribute("categories", categories.all());
        model.addAttribute("districts", routing.districts());
        model.addAttribute("category", chosenCategory);
        model.addAttribute("status", statuses.isEmpty() ? "" : status);
        model.addAttribute("district", chosenDistrict);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("mapData", maps.of(results.requests(), locale,
                r -> r.trackingNumber() + " " + categories.get(r.serviceCode()).name(locale)));
        return "requests/list";
    }
}
