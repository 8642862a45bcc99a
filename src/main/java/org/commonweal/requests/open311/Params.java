package org.commonweal.requests.open311;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads Open311 parameters by hand, so that every malformed value is answered with the spec's
 * error body and a message naming the parameter, never with the framework's own error.
 */
final class Params {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,100})](\\[])?");
    // a '+' left unencoded in a query string arrives as a space: 2026-03-02T09:00:00 08:00
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(T[0-9:.]+) ([0-9]{2}:?[0-9]{2})$");

    private Params() {
    }

    /** The parameter's first value, or null when absent or blank (clients send empty fields for "none"). */
    static @Nullable String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Text used as an identifier or echoed back in messages, so it has a sane length. */
    static @Nullable String identifier(HttpServletRequest request, String name, int maxLength) {
        String value = text(request, name);
        if (value != null && value.length() > maxLength) {
            throw Open311Error.badRequest(name + " can have at most " + maxLength + " characters");
        }
        return value == null ? null : value.strip();
    }

    static @Nullable Double number(HttpServletRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        if (value.length() <= 40) {
            try {
                return Double.valueOf(value.strip());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw Open311Error.badRequest(name + " must be a decimal number such as 39.9042 (WGS84 degrees)");
    }

    /** Comma-separated values, as the spec writes several service codes, ids or statuses. */
    static List<String> list(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    static int whole(HttpServletRequest request, String name, int defaultValue, int max) {
        String value = text(request, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw Open311Error.badRequest(name + " must be a whole number from 1 to " + max);
    }

    static boolean flag(HttpServletRequest request, String name) {
        String value = text(request, name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw Open311Error.badRequest(name + " must be true or false");
    }

    /**
     * The answers to a service's questions: {@code attribute[CODE]=value}, and for a
     * {@code multivaluelist} {@code attribute[CODE][]=v1&attribute[CODE][]=v2}.
     */
    static Map<String, List<String>> attributes(Map<String, String[]> parameters) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!parameter.getKey().startsWith("attribute")) {
                continue;
            }
            Matcher name = ATTRIBUTE.matcher(parameter.getKey());
            if (!name.matches()) {
                throw Open311Error.badRequest("Write answers as attribute[CODE]=value, or attribute[CODE][]=value"
                        + " once per value of a multivaluelist");
            }
            answers.computeIfAbsent(name.group(1), code -> new ArrayList<>()).addAll(Arrays.asList(parameter.getValue()));
        }
        return answers;
    }

    /**
     * A W3C date-time such as {@code 2026-03-02T09:00:00+08:00}, or a plain date, which means the
     * start of that day (or its last moment, for an end) in the city's time zone.
     */
    static Instant dateTime(String name, String value, ZoneId zone, boolean endOfDay) {
        String typed = SPACE_FOR_PLUS.matcher(value.strip()).replaceFirst("$1+$2");
        try {
            return OffsetDateTime.parse(typed).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate date = LocalDate.parse(typed);
                return endOfDay ? date.plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS)
                        : date.atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw Open311Error.badRequest(name + " must be a W3C date-time with a time zone, such as "
                        + "2026-03-02T09:00:00+08:00, or a date such as 2026-03-02");
            }
        }
    }
}
