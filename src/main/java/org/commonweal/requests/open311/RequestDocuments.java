package org.commonweal.requests.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.identity.Organisations;
import org.commonweal.requests.Categories;
import org.commonweal.requests.Category;
import org.commonweal.requests.CategoryAttribute;
import org.commonweal.requests.CitizenRequests;
import org.commonweal.requests.RequestQueries;
import org.commonweal.requests.RequestSettings;
import org.commonweal.requests.RequestUpdate;
import org.commonweal.requests.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Requests and their updates as Open311 shows them to anyone: public fields only, never the
 * requester's name or contact details. A request about a place (a pothole) is public in full; one
 * whose category needs no place (unpaid wages, care for an older person) is personal, so its
 * description, place, answers, photos and added information are withheld, as on the request pages.
 * Times are in the city's zone with their offset.
 */
@Component
class RequestDocuments {

    private final Categories categories;
    private final Organisations organisations;
    private final RequestQueries queries;
    private final CitizenRequests citizenRequests;
    private final String photoUrl;
    private final ZoneId zone;

    RequestDocuments(Categories categories, Organisations organisations, RequestQueries queries,
                     CitizenRequests citizenRequests, RequestSettings settings, WorkingCalendar calendar) {
        this.categories = categories;
        this.organisations = organisations;
        this.queries = queries;
        this.citizenRequests = citizenRequests;
        this.photoUrl = settings.publicUrl().replaceAll("/+$", "") + "/requests/photos/";
        this.zone = calendar.zone();
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The {@code service_requests} list. With {@code extensions}, each request also carries the
     * San Francisco extension: {@code attributes}, {@code extended_attributes} and {@code notes}.
     */
    Items requests(List<ServiceRequest> requests, Locale locale, boolean extensions) {
        Map<UUID, String> agencies = new HashMap<>();
        Map<UUID, UUID> photos = citizenRequests.firstPhotos(requests);
        return new Items("request", requests.stream().map(request -> {
            Fields fields = request(request, locale, agencies, photos);
            if (extensions) {
                addExtensions(fields, request, locale);
            }
            return fields;
        }).toList());
    }

    private Fields request(ServiceRequest request, Locale locale, Map<UUID, String> agencies, Map<UUID, UUID> photos) {
        Optional<Category> category = categories.find(request.serviceCode());
        boolean inFull = isPublic(request);
        return new Fields()
                .put("service_request_id", request.trackingNumber())
                .put("status", request.status().isOpen() ? "open" : "closed")
                .put("status_notes", request.statusNotes())
                .put("service_name", category.map(c -> c.name(locale)).orElse(request.serviceCode()))
                .put("service_code", request.serviceCode())
                .put("description", inFull ? request.description() : null)
                .put("agency_responsible", request.departmentId() == null ? null
                        : agencies.computeIfAbsent(request.departmentId(), id -> agencyName(id, locale)))
                .put("service_notice", null)
                .put("requested_datetime", dateTime(request.submittedAt()))
                .put("updated_datetime", dateTime(request.updatedAt()))
                .put("expected_datetime", dateTime(request.resolutionDue()))
                .put("address", inFull ? request.address() : null)
                .put("lat", inFull ? request.lat() : null)
                .put("long", inFull ? request.lon() : null)
                .put("media_url", inFull && photos.containsKey(request.id()) ? photoUrl + photos.get(request.id()) : null);
    }

    /** Whether the request is about a place, so anyone may read it in full; unknown categories count as personal. */
    private boolean isPublic(ServiceRequest request) {
        return categories.find(request.serviceCode()).map(Category::location).orElse(false);
    }

    /** A note everyone may read: anything but the information a requester added to a personal request. */
    private boolean isPublic(ServiceRequest request, RequestUpdate update) {
        return update.kind() != RequestUpdate.Kind.INFORMATION_ADDED || isPublic(request);
    }

    private @Nullable String agencyName(UUID departmentId, Locale locale) {
        return organisations.find(departmentId).map(o -> o.name(locale)).orElse(null);
    }

    private void addExtensions(Fields fields, ServiceRequest request, Locale locale) {
        fields.put("attributes", isPublic(request) ? answers(request, locale) : new Items("attribute", List.of()));
        fields.put("extended_attributes", new Fields().put("channel", request.source()));
        fields.put("notes", new Items("note", queries.publicUpdates(request).stream()
                .map(update -> new Fields()
                        .put("datetime", dateTime(update.at()))
                        .put("description", isPublic(request, update) ? update.note() : null)
                        .put("type", update.kind().name().toLowerCase(Locale.ROOT)))
                .toList()));
    }

    /** One entry per answer, as in the SF example: the question, its code, and the answer's name and key. */
    private Items answers(ServiceRequest request, Locale locale) {
        List<CategoryAttribute> questions = categories.find(request.serviceCode()).map(Category::attributes)
                .orElse(List.of());
        List<Fields> answers = questions.stream()
                .filter(question -> request.attributes().containsKey(question.code()))
                .flatMap(question -> request.attributes().get(question.code()).stream()
                        .map(value -> new Fields()
                                .put("label", question.description(locale))
                                .put("name", question.code())
                                .put("value", question.values().stream().filter(choice -> choice.key().equals(value))
                                        .findFirst().map(choice -> choice.name(locale)).orElse(value))
                                .put("code", value)))
                .toList();
        return new Items("attribute", answers);
    }

    /** One entry of {@code servicerequestupdates}. */
    Fields update(RequestUpdate update, ServiceRequest request) {
        return new Fields()
                .put("update_id", update.id().toString())
                .put("service_request_id", request.trackingNumber())
                .put("status", ExtendedStatus.of(update).wireName())
                .put("updated_datetime", dateTime(update.at()))
                .put("description", isPublic(request, update) ? update.note() : null);
    }

    private String dateTime(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
