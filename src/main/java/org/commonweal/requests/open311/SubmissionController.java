package org.commonweal.requests.open311;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.requests.Categories;
import org.commonweal.requests.CitizenRequests;
import org.commonweal.requests.NewRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * A client system submits a request for someone. The client's organisation is recorded as the
 * submitter, so that it may later add information; the person's contact details stay private.
 */
@RestController
@Tag(name = "Open311")
@SecurityRequirements
class SubmissionController {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final CitizenRequests citizenRequests;
    private final Categories categories;
    private final ApiKeys apiKeys;
    private final Jurisdiction jurisdiction;

    SubmissionController(CitizenRequests citizenRequests, Categories categories,
                         ApiKeys apiKeys, Jurisdiction jurisdiction) {
        this.citizenRequests = citizenRequests;
        this.categories = categories;
        this.apiKeys = apiKeys;
        this.jurisdiction = jurisdiction;
    }

    @PostMapping("/open311/v2/requests.{format}")
    @Operation(summary = "Open311 create request: form-encoded or multipart (photos as 'media' files), authorised by"
            + " api_key; an Idempotency-Key header makes a repeated POST answer with the first request")
    ResponseEntity<byte[]> submit(@PathVariable String format, HttpServletRequest request) {
        Format chosen = Format.of(format);
        FormBodies.require(request);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        CommonwealUser client = apiKeys.client(Params.text(request, "api_key"));
        CitizenRequests.Submission stored = citizenRequests.submit(newRequest(request, client));
        Fields created = new Fields()
                .put("service_request_id", stored.request().trackingNumber())
                .put("token", stored.token())
                .put("service_notice", null)
                .put("account_id", null);
        return Open311Writer.ok(chosen, "service_requests", new Items("request", List.of(created)));
    }

    private NewRequest newRequest(HttpServletRequest request, CommonwealUser client) {
        String serviceCode = Params.identifier(request, "service_code", 100);
        if (serviceCode == null) {
            throw Open311Error.badRequest("service_code is required; services.json lists them");
        }
        if (categories.find(serviceCode).isEmpty()) {
            throw Open311Error.badRequest("service_code provided was not found; services.json lists them");
        }
        Double lat = Params.number(request, "lat");
        Double lon = Params.number(request, "long");
        String address = Params.text(request, "address_string");
        if (lat == null && lon == null && address == null && Params.text(request, "address_id") != null) {
            throw Open311Error.badRequest("This jurisdiction keeps no address register, so address_id alone cannot"
                    + " place a request: send lat and long, or address_string");
        }
        return new NewRequest(serviceCode, Params.text(request, "description"), address, lat, lon,
                Params.attributes(request.getParameterMap()), null, name(request), Params.text(request, "email"),
                Params.text(request, "phone"), false, "open311", client.organisationId(), idempotencyKey(request),
                photos(request));
    }

    private static @Nullable String name(HttpServletRequest request) {
        String name = Stream.of(Params.text(request, "first_name"), Params.text(request, "last_name"))
                .filter(part -> part != null).map(String::strip).collect(Collectors.joining(" "));
        return name.isEmpty() ? null : name;
    }

    private static @Nullable String idempotencyKey(HttpServletRequest request) {
        String header = request.getHeader("Idempotency-Key");
        String key = header != null && !header.isBlank() ? header : Params.text(request, "idempotency_key");
        if (key != null && key.length() > MAX_IDEMPOTENCY_KEY) {
            throw Open311Error.badRequest("An Idempotency-Key can have at most " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return key;
    }

    /** Photos sent with the request; media_url is not fetched, so a photo must come as a file. */
    private static List<NewRequest.Photo> photos(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return List.of();
        }
        List<NewRequest.Photo> photos = new ArrayList<>();
        for (MultipartFile file : multipart.getFiles("media")) {
            if (file.isEmpty()) {
                continue; // a file field left empty by a form
            }
            try {
                photos.add(new NewRequest.Photo(file.getBytes()));
            } catch (IOException e) {
                throw Open311Error.badRequest("The photo '" + file.getName() + "' could not be read; send it again");
            }
        }
        return photos;
    }
}
