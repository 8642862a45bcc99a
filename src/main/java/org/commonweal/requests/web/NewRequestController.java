package org.commonweal.requests.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.commonweal.platform.web.FormErrors;
import org.commonweal.requests.Categories;
import org.commonweal.requests.Category;
import org.commonweal.requests.CitizenRequests;
import org.commonweal.requests.NewRequest;
import org.commonweal.requests.RequestRefused;
import org.commonweal.requests.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reporting a request in a few steps: choose a category (search by words in either language),
 * then describe and place it. Before storing, open requests of the same kind nearby are shown, so
 * that a person can support one instead of reporting it again.
 */
@Controller
class NewRequestController {

    private final Categories categories;
    private final CitizenRequests citizens;
    private final MessageSource messages;
    private final MapData maps;

    NewRequestController(Categories categories, CitizenRequests citizens, MessageSource messages, MapData maps) {
        this.categories = categories;
        this.citizens = citizens;
        this.messages = messages;
        this.maps = maps;
    }

    @GetMapping("/requests/new")
    String choose(@RequestParam(name = "q", defaultValue = "") String words, Model model) {
        String query = words.length() > 100 ? words.substring(0, 100) : words;
        model.addAttribute("query", query);
        model.addAttribute("categories", categories.search(query));
        return "requests/choose";
    }

    @GetMapping("/requests/new/{code}")
    String form(@PathVariable String code, Model model, Locale locale) {
        return render(categories.get(code), RequestForm.empty(), FormErrors.none(), List.of(), model, locale);
    }

    @PostMapping("/requests/new/{code}")
    String submit(@PathVariable String code, @RequestParam MultiValueMap<String, String> params,
                  @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
                  @Nullable CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        Category category = categories.get(code);
        RequestForm form = RequestForm.from(params, category);
        FormErrors errors = FormErrors.none();
        Double lat = coordinate(form.lat(), "lat", errors, locale);
        Double lon = coordinate(form.lon(), "lon", errors, locale);
        if (!errors.any() && !form.confirmed() && lat != null && lon != null) {
            List<ServiceRequest> nearby = citizens.openNearby(code, lat, lon);
            if (!nearby.isEmpty()) {
                return render(category, form, errors, nearby, model, locale);
            }
        }
        if (!errors.any()) {
            UserAsCitizen citizen = UserAsCitizen.of(user);
            try {
                CitizenRequests.Submission submission = citizens.submit(new NewRequest(code, form.description(),
                        form.address(), lat, lon, form.answers(), citizen.id(),
                        citizen.id() != null && user != null ? user.name() : form.contactName(), form.contactEmail(),
                        form.contactPhone(), form.namePublic(), "web", null, null, uploads(photos)));
                return "redirect:" + receipt(submission);
            } catch (RequestRefused refused) {
                errors.add(RequestFields.of(refused), messages.getMessage(refused.errorCode().messageKey(),
                        refused.arguments(), locale));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return render(category, form, errors, List.of(), model, locale);
    }

    private static String receipt(CitizenRequests.Submission submission) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/requests/{number}").queryParam("submitted", "");
        if (submission.citizenKey() != null) {
            uri.queryParam("key", submission.citizenKey());
        }
        return uri.buildAndExpand(submission.request().trackingNumber()).toUriString();
    }

    private @Nullable Double coordinate(String text, String field, FormErrors errors, Locale locale) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, messages.getMessage("error.location_out_of_range", null, locale));
        return null;
    }

    private static List<NewRequest.Photo> uploads(@Nullable List<MultipartFile> files) {
        List<NewRequest.Photo> photos = new ArrayList<>();
        if (files == null) {
            return photos;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty()) {
                continue; // an unused file input
            }
            try {
                photos.add(new NewRequest.Photo(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }

    private String render(Category category, RequestForm form, FormErrors errors, List<ServiceRequest> nearby, Model model,
                          Locale locale) {
        model.addAttribute("mapData", maps.of(nearby, locale, ServiceRequest::trackingNumber));
        model.addAttribute("category", category);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("nearby", nearby);
        return "requests/new";
    }

    /** A signed-in citizen files under their account; anyone else (staff too) gives a contact. */
    private record UserAsCitizen(java.util.@Nullable UUID id) {
        static UserAsCitizen of(@Nullable CommonwealUser user) {
            return new UserAsCitizen(user != null && user.has(Role.CITIZEN) && !user.machineClient() ? user.id() : null);
        }
    }
}
