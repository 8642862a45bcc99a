package org.commonweal.requests.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.web.FormErrors;
import org.commonweal.requests.Categories;
import org.commonweal.requests.Category;
import org.commonweal.requests.CitizenRequests;
import org.commonweal.requests.CitizenRequests.Requester;
import org.commonweal.requests.Rating;
import org.commonweal.requests.RequestHandling;
import org.commonweal.requests.RequestRefused;
import org.commonweal.requests.RequestsErrorCode;
import org.commonweal.requests.ServiceRequest;
import org.commonweal.requests.internal.PhotoStore;
import org.commonweal.requests.internal.Routing;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One request's page: its status, history and public evidence for everyone; for the person who
 * made it (signed in, or holding the key from the receipt) the forms to add information, rate it
 * or reopen it. Personal matters (categories without a place) show their details only to that
 * person and to staff.
 */
@Controller
class RequestPageController {

    private final CitizenRequests citizens;
    private final RequestHandling handling;
    private final Categories categories;
    private final Organisations organisations;
    private final Routing routing;
    private final Ledger ledger;
    private final MessageSource messages;

    RequestPageController(CitizenRequests citizens, RequestHandling handling, Categories categories,
                          Organisations organisations, Routing routing, Ledger ledger, MessageSource messages) {
        this.citizens = citizens;
        this.handling = handling;
        this.categories = categories;
        this.organisations = organisations;
        this.routing = routing;
        this.ledger = ledger;
        this.messages = messages;
    }

    @GetMapping("/requests/track")
    String track(@RequestParam(name = "number", defaultValue = "") String number) {
        ServiceRequest request = citizens.get(number);
        return "redirect:/requests/" + request.trackingNumber();
    }

    @GetMapping("/requests/{number}")
    String show(@PathVariable String number, @RequestParam(required = false) @Nullable String key,
                @RequestParam(required = false) @Nullable String submitted, @Nullable CommonwealUser user, Model model) {
        return render(citizens.get(number), key, submitted != null, user, FormErrors.none(), "", model);
    }

    @PostMapping("/requests/{number}/information")
    String addInformation(@PathVariable String number, @RequestParam(required = false) @Nullable String key,
                          @RequestParam(name = "information-text", defaultValue = "") String text,
                          @Nullable CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        return act(number, key, user, "information-text", text, model, response, locale,
                requester -> citizens.addInformation(number, requester, text));
    }

    @PostMapping("/requests/{number}/rating")
    String rate(@PathVariable String number, @RequestParam(required = false) @Nullable String key,
                @RequestParam(defaultValue = "") String rating, @RequestParam(defaultValue = "") String solved,
                @RequestParam(name = "rating-text", defaultValue = "") String comment, @Nullable CommonwealUser user,
                Model model, HttpServletResponse response, Locale locale) {
        return act(number, key, user, "rating-rating", comment, model, response, locale, requester -> {
            Rating verdict = parseRating(rating);
            if (!solved.equals("yes") && !solved.equals("no")) {
                throw new RequestRefused(RequestsErrorCode.RATING_INVALID, "Say whether the problem was solved");
            }
            return citizens.rate(number, requester, verdict, solved.equals("yes"), comment);
        });
    }

    @PostMapping("/requests/{number}/reopen")
    String reopen(@PathVariable String number, @RequestParam(required = false) @Nullable String key,
                  @RequestParam(name = "reopen-text", defaultValue = "") String text, @Nullable CommonwealUser user,
                  Model model, HttpServletResponse response, Locale locale) {
        return act(number, key, user, "reopen-text", text, model, response, locale,
                requester -> citizens.reopen(number, requester, text));
    }

    @PostMapping("/requests/{number}/support")
    String support(@PathVariable String number, CommonwealUser user) {
        if (!user.has(Role.CITIZEN)) {
            throw new RequestRefused(RequestsErrorCode.NOT_YOUR_REQUEST, "Only citizens support requests");
        }
        ServiceRequest request = citizens.support(number, user.id());
        return "redirect:/requests/" + request.trackingNumber() + "?saved";
    }

    @GetMapping("/requests/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @RequestParam(required = false) @Nullable String key,
                                 @Nullable CommonwealUser user) {
        PhotoStore.StoredPhoto photo = citizens.photo(id).orElseThrow(() -> new RequestRefused(
                RequestsErrorCode.REQUEST_NOT_FOUND, "No such photo", id));
        ServiceRequest request = citizens.byId(photo.requestId());
        if (!mayReadDetails(request, citizens.isRequester(request, requester(key, user)), user)) {
            throw new RequestRefused(RequestsErrorCode.NOT_YOUR_REQUEST, "This photo belongs to a personal request");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.mediaType()))
                .cacheControl(CacheControl.noCache()).header("X-Content-Type-Options", "nosniff").body(photo.bytes());
    }

    @GetMapping("/requests/mine")
    String mine(CommonwealUser user, Model model) {
        model.addAttribute("requests", citizens.of(user.id()));
        model.addAttribute("categories", categories.all());
        return "requests/mine";
    }

    // ---- helpers -------------------------------------------------------------------------------

    private interface Action {
        ServiceRequest apply(Requester requester);
    }

    private String act(String number, @Nullable String key, @Nullable CommonwealUser user, String field, String text,
                       Model model, HttpServletResponse response, Locale locale, Action action) {
        Requester requester = requester(key, user);
        try {
            ServiceRequest changed = action.apply(requester);
            UriComponentsBuilder back = UriComponentsBuilder.fromPath("/requests/{number}").queryParam("saved", "");
            if (key != null) {
                back.queryParam("key", key);
            }
            return "redirect:" + back.buildAndExpand(changed.trackingNumber()).toUriString();
        } catch (RequestRefused refused) {
            FormErrors errors = FormErrors.none().add(field,
                    messages.getMessage(refused.errorCode().messageKey(), refused.arguments(), locale));
            response.setStatus(refused.errorCode().status().value());
            return render(citizens.get(number), key, false, user, errors, text, model);
        }
    }

    private String render(ServiceRequest request, @Nullable String key, boolean submitted, @Nullable CommonwealUser user,
                          FormErrors errors, String typed, Model model) {
        Category category = categories.get(request.serviceCode());
        boolean requester = citizens.isRequester(request, requester(key, user));
        model.addAttribute("request", request);
        model.addAttribute("category", category);
        model.addAttribute("details", mayReadDetails(request, requester, user));
        model.addAttribute("requester", requester);
        model.addAttribute("key", requester ? key : null);
        model.addAttribute("submitted", submitted);
        model.addAttribute("updates", citizens.publicUpdates(request));
        model.addAttribute("photos", citizens.photos(request));
        model.addAttribute("evidence", ledger.entriesAbout(request.trackingNumber()));
        model.addAttribute("department", request.departmentId() == null ? null : organisations.find(request.departmentId()).orElse(null));
        model.addAttribute("district", request.districtCode() == null ? null : routing.districts().stream()
                .filter(d -> d.code().equals(request.districtCode())).findFirst().orElse(null));
        model.addAttribute("maySupport", user != null && user.has(Role.CITIZEN) && !requester && request.status().isOpen());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "requests/show";
    }

    private boolean mayReadDetails(ServiceRequest request, boolean requester, @Nullable CommonwealUser user) {
        return categories.get(request.serviceCode()).location()
                || requester
                || user != null && (handling.mayHandle(request, user) || user.has(Role.AUDITOR));
    }

    private static Requester requester(@Nullable String key, @Nullable CommonwealUser user) {
        return user != null && user.has(Role.CITIZEN) ? new Requester(user.id(), key, null) : Requester.withKey(key);
    }

    private static Rating parseRating(String text) {
        try {
            return Rating.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(RequestsErrorCode.RATING_INVALID, "Choose satisfied, basically satisfied or dissatisfied");
        }
    }
}
