package org.commonweal.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What a new request must satisfy before it is stored; each refusal says what to change. */
final class RequestRules {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ADDRESS = 500;
    static final int MAX_NAME = 100;
    static final int MAX_SHORT_ANSWER = 500;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"']{1,64}@[^\\s@<>\"']{1,190}\\.[^\\s@<>\"']{1,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,24}");

    private RequestRules() {
    }

    static String description(@Nullable String text) {
        String description = Texts.clean(text);
        if (description == null) {
            throw new RequestRefused(RequestsErrorCode.DESCRIPTION_MISSING, "Describe the problem in a few words");
        }
        if (Texts.length(description) > MAX_DESCRIPTION) {
            throw new RequestRefused(RequestsErrorCode.DESCRIPTION_TOO_LONG,
                    "The description is " + Texts.length(description) + " characters long; the most is " + MAX_DESCRIPTION,
                    MAX_DESCRIPTION);
        }
        return description;
    }

    static @Nullable String address(@Nullable String text) {
        String address = Texts.clean(text);
        if (address != null && Texts.length(address) > MAX_ADDRESS) {
            throw new RequestRefused(RequestsErrorCode.ADDRESS_TOO_LONG, "The address can have at most " + MAX_ADDRESS
                    + " characters", MAX_ADDRESS);
        }
        return address;
    }

    static void location(Category category, @Nullable String address, @Nullable Double lat, @Nullable Double lon) {
        if ((lat == null) != (lon == null)) {
            throw new RequestRefused(RequestsErrorCode.LOCATION_OUT_OF_RANGE, "Give both latitude and longitude, or neither");
        }
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90 || lon.isNaN() || lon < -180 || lon > 180)) {
            throw new RequestRefused(RequestsErrorCode.LOCATION_OUT_OF_RANGE,
                    "Latitude must be between -90 and 90 and longitude between -180 and 180");
        }
        if (category.location() && lat == null && address == null) {
            throw new RequestRefused(RequestsErrorCode.LOCATION_MISSING,
                    "Say where it is: an address, a point on the map, or coordinates");
        }
    }

    /** The answers, checked against the category's questions and normalised (list answers keep their order). */
    static Map<String, List<String>> attributes(Category category, Map<String, List<String>> given) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (String code : given.keySet()) {
            if (category.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                throw new RequestRefused(RequestsErrorCode.ATTRIBUTE_UNKNOWN,
                        "The category '" + category.code() + "' has no question '" + code + "'", code);
            }
        }
        for (CategoryAttribute attribute : category.attributes()) {
            List<String> values = given.getOrDefault(attribute.code(), List.of()).stream()
                    .map(Texts::clean).filter(v -> v != null).map(v -> (String) v).toList();
            if (values.isEmpty()) {
                if (attribute.required()) {
                    throw new RequestRefused(RequestsErrorCode.ATTRIBUTE_MISSING,
                            "Answer the question '" + attribute.descriptionEn() + "' (" + attribute.code() + ")", attribute.code());
                }
                continue;
            }
            check(attribute, values);
            answers.put(attribute.code(), values);
        }
        return answers;
    }

    private static void check(CategoryAttribute attribute, List<String> values) {
        if (values.size() > 1 && attribute.datatype() != CategoryAttribute.Datatype.MULTIVALUELIST) {
            throw invalid(attribute, "takes one answer");
        }
        for (String value : values) {
            boolean valid = switch (attribute.datatype()) {
                case STRING -> Texts.length(value) <= MAX_SHORT_ANSWER;
                case TEXT -> Texts.length(value) <= MAX_DESCRIPTION;
                case NUMBER -> isNumber(value);
                case DATETIME -> isDateTime(value);
                case SINGLEVALUELIST, MULTIVALUELIST -> attribute.hasChoice(value);
            };
            if (!valid) {
                throw invalid(attribute, switch (attribute.datatype()) {
                    case STRING -> "takes at most " + MAX_SHORT_ANSWER + " characters";
                    case TEXT -> "takes at most " + MAX_DESCRIPTION + " characters";
                    case NUMBER -> "takes a number, such as 12 or 3.5";
                    case DATETIME -> "takes a date and time such as 2026-11-26T09:30:00+08:00";
                    default -> "takes one of the keys " + attribute.values().stream().map(CategoryAttribute.Choice::key).toList();
                });
            }
        }
    }

    private static RequestRefused invalid(CategoryAttribute attribute, String rule) {
        return new RequestRefused(RequestsErrorCode.ATTRIBUTE_INVALID, "The answer to '" + attribute.code() + "' " + rule,
                attribute.code());
    }

    private static boolean isNumber(String value) {
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) && value.length() <= 30;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                // what a browser's date-time input sends: local time in the city's zone
                java.time.LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate.parse(value);
                    return true;
                } catch (DateTimeParseException notADate) {
                    return false;
                }
            }
        }
    }

    record Contact(@Nullable String name, @Nullable String email, @Nullable String phone) {
    }

    static Contact contact(boolean signedIn, @Nullable String name, @Nullable String email, @Nullable String phone) {
        Contact contact = new Contact(Texts.clean(name), Texts.clean(email), Texts.clean(phone));
        if (contact.name() != null && Texts.length(contact.name()) > MAX_NAME) {
            throw new RequestRefused(RequestsErrorCode.CONTACT_INVALID, "A name can have at most " + MAX_NAME + " characters");
        }
        if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
            throw new RequestRefused(RequestsErrorCode.CONTACT_INVALID, "Enter an email address like name@example.cn");
        }
        if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
            throw new RequestRefused(RequestsErrorCode.CONTACT_INVALID, "Enter a phone number of digits, such as 138 0000 0000");
        }
        if (!signedIn && contact.email() == null && contact.phone() == null) {
            throw new RequestRefused(RequestsErrorCode.CONTACT_MISSING,
                    "Give an email address or a phone number so that the city can answer you, or sign in");
        }
        return contact;
    }
}
