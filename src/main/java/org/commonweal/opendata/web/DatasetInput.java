package org.commonweal.opendata.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.commonweal.opendata.DatasetDraft;
import org.commonweal.opendata.DatasetRefused;
import org.commonweal.opendata.Frequency;
import org.commonweal.opendata.Licence;
import org.commonweal.opendata.OpenDataErrorCode;
import org.commonweal.opendata.OpenLevel;
import org.commonweal.opendata.Theme;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's description as a department's system or a staff form sends it: plain text that is
 * turned into a {@link DatasetDraft}, refusing each unknown code with the field's name.
 */
public record DatasetInput(@Nullable String name, @Nullable String titleZh, @Nullable String titleEn,
                           @Nullable String descriptionZh, @Nullable String descriptionEn, @Nullable String theme,
                           @Nullable List<String> keywords, @Nullable String licence, @Nullable String contactName,
                           @Nullable String contactEmail, @Nullable String temporalStart, @Nullable String temporalEnd,
                           @Nullable String spatial, @Nullable String frequency, @Nullable String openLevel,
                           @Nullable String catalogueCode) {

    /** The draft for this publisher; refuses the first field that cannot be read. */
    public DatasetDraft toDraft(UUID publisherId) {
        return new DatasetDraft(text(name).strip(), text(titleZh), text(titleEn), text(descriptionZh), text(descriptionEn),
                code("theme", theme, Theme::find, "a data theme such as TRAN or transport"),
                keywords == null ? List.of() : keywords,
                code("licence", licence, Licence::find, "cc-by, cc-by-sa, cc-zero or odc-by"),
                publisherId, text(contactName), text(contactEmail), date("temporal_start", temporalStart),
                date("temporal_end", temporalEnd), spatial, code("frequency", frequency, Frequency::find,
                        "one of " + Arrays.toString(Frequency.values())),
                code("open_level", openLevel, t -> Arrays.stream(OpenLevel.values())
                        .filter(l -> l.code().equalsIgnoreCase(t) || l.name().equalsIgnoreCase(t)).findFirst(),
                        "unconditional, conditional or not_open"),
                catalogueCode);
    }

    /** Keywords typed in one box, separated by commas (either kind) or new lines. */
    public static List<String> splitKeywords(@Nullable String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，;；\\n]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static <T> T code(String field, @Nullable String value, Function<String, java.util.Optional<T>> find,
                              String expected) {
        if (value == null || value.isBlank()) {
            throw new DatasetRefused(OpenDataErrorCode.FIELD_MISSING, field, "The field " + field + " is required.");
        }
        return find.apply(value.strip()).orElseThrow(() -> new DatasetRefused(OpenDataErrorCode.FIELD_INVALID, field,
                "The field " + field + " must be " + expected + "."));
    }

    private static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DatasetRefused(OpenDataErrorCode.FIELD_INVALID, field, "The field " + field
                    + " must be a date written as 2026-01-31.");
        }
    }
}
