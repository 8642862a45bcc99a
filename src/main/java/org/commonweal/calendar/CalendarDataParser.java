package org.commonweal.calendar;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the calendar JSON: {@code years} → year → {@code holidays} [{name, en, from, to}] and
 * {@code makeUpWorkdays} ["yyyy-MM-dd", ...]. Other top-level fields ({@code about},
 * {@code sources}) are documentation and ignored. Every error names the JSON path and the bad
 * value, since the file is edited by hand once a year.
 */
final class CalendarDataParser {

    // Duplicate keys would silently drop a whole year, so they are an error.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CalendarDataParser() {
    }

    static CalendarData parse(InputStream json, String sourceName) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "calendar data " + sourceName + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("calendar data " + sourceName + ": " + e.getMessage(), e);
        }
    }

    private static CalendarData parse(@Nullable JsonNode root) {
        JsonNode years = object(root == null ? null : root.get("years"), "years");
        Set<Integer> publishedYears = new TreeSet<>();
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> makeUpWorkdays = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> entry : years.properties()) {
            int year = year(entry.getKey());
            String path = "years." + entry.getKey();
            JsonNode yearNode = object(entry.getValue(), path);
            publishedYears.add(year);
            JsonNode holidayNodes = array(yearNode.get("holidays"), path + ".holidays");
            for (int i = 0; i < holidayNodes.size(); i++) {
                holidays.add(holiday(holidayNodes.get(i), year, path + ".holidays[" + i + "]"));
            }
            JsonNode makeUpNodes = array(yearNode.get("makeUpWorkdays"), path + ".makeUpWorkdays");
            for (int i = 0; i < makeUpNodes.size(); i++) {
                String itemPath = path + ".makeUpWorkdays[" + i + "]";
                LocalDate day = date(makeUpNodes.get(i), itemPath);
                requireInYear(day, year, itemPath);
                if (!makeUpWorkdays.add(day)) {
                    throw new IllegalArgumentException(itemPath + ": " + day + " is listed twice");
                }
            }
        }
        return new CalendarData(publishedYears, holidays, makeUpWorkdays);
    }

    private static Holiday holiday(@Nullable JsonNode node, int year, String path) {
        JsonNode holiday = object(node, path);
        String name = text(holiday.get("name"), path + ".name");
        LocalDate from = date(holiday.get("from"), path + ".from");
        LocalDate to = date(holiday.get("to"), path + ".to");
        requireInYear(from, year, path + ".from");
        requireInYear(to, year, path + ".to");
        try {
            return new Holiday(name, text(holiday.get("en"), path + ".en"), from, to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static int year(String key) {
        if (!key.matches("\\d{4}")) {
            throw new IllegalArgumentException("years: key '" + key + "' is not a four-digit year");
        }
        return Integer.parseInt(key);
    }

    private static void requireInYear(LocalDate date, int year, String path) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(
                    path + ": " + date + " is outside its year " + year);
        }
    }

    private static LocalDate date(@Nullable JsonNode node, String path) {
        String text = text(node, path);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    path + ": '" + text + "' is not a date of the form yyyy-MM-dd", e);
        }
    }

    private static String text(@Nullable JsonNode node, String path) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new IllegalArgumentException(path + ": expected a non-empty string but found " + node);
        }
        return node.stringValue();
    }

    private static JsonNode object(@Nullable JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object but found " + node);
        }
        return node;
    }

    private static JsonNode array(@Nullable JsonNode node, String path) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(path + ": expected an array but found " + node);
        }
        return node;
    }
}
