package org.commonweal.opendata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What a dataset's description must satisfy before it is stored; each refusal names its field. */
public final class DatasetRules {

    /** CKAN's rule for package names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]{2,100}");
    /** CKAN's tag rule (letters of any script, digits, spaces, '-', '_', '.'), 1-100 characters. */
    private static final Pattern KEYWORD = Pattern.compile("[\\p{L}\\p{N} ._-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}\\.[A-Za-z]{2,}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._/-]{1,100}");
    static final int MAX_KEYWORDS = 30;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t\\r]]");

    private DatasetRules() {
    }

    /** The draft with text trimmed and keywords de-duplicated, or a refusal naming the first wrong field. */
    public static DatasetDraft check(DatasetDraft d) {
        if (!NAME.matcher(d.name()).matches()) {
            throw refused(OpenDataErrorCode.NAME_INVALID, "name",
                    "The name must be 2-100 characters of lower-case letters a-z, digits, '-' or '_'.");
        }
        String titleZh = text("title_zh", d.titleZh(), 300);
        String titleEn = text("title_en", d.titleEn(), 300);
        String descriptionZh = text("description_zh", d.descriptionZh(), 10_000);
        String descriptionEn = text("description_en", d.descriptionEn(), 10_000);
        String contactName = text("contact_name", d.contactName(), 200);
        String contactEmail = d.contactEmail().strip();
        if (!EMAIL.matcher(contactEmail).matches()) {
            throw refused(OpenDataErrorCode.FIELD_INVALID, "contact_email", "The contact email is not an email address.");
        }
        if (d.temporalStart() != null && d.temporalEnd() != null && d.temporalEnd().isBefore(d.temporalStart())) {
            throw refused(OpenDataErrorCode.FIELD_INVALID, "temporal_end", "The coverage ends before it starts.");
        }
        String spatial = optionalCode("spatial", d.spatial());
        String catalogueCode = optionalCode("catalogue_code", d.catalogueCode());
        return new DatasetDraft(d.name(), titleZh, titleEn, descriptionZh, descriptionEn, d.theme(),
                keywords(d.keywords()), d.licence(), d.publisherId(), contactName, contactEmail, d.temporalStart(),
                d.temporalEnd(), spatial, d.frequency(), d.openLevel(), catalogueCode);
    }

    private static List<String> keywords(List<String> given) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String raw : given) {
            String keyword = raw.strip();
            if (keyword.isEmpty()) {
                continue;
            }
            if (!KEYWORD.matcher(keyword).matches()) {
                throw refused(OpenDataErrorCode.FIELD_INVALID, "keywords",
                        "A keyword may hold letters, digits, spaces, '-', '_' and '.', at most 100 characters.");
            }
            keywords.add(keyword);
        }
        if (keywords.size() > MAX_KEYWORDS) {
            throw refused(OpenDataErrorCode.FIELD_INVALID, "keywords", "At most " + MAX_KEYWORDS + " keywords.");
        }
        return List.copyOf(keywords);
    }

    private static String text(String field, @Nullable String value, int max) {
        // control characters (other than line breaks and tabs) mean nothing to a reader and cannot travel in XML
        String text = value == null ? "" : CONTROL.matcher(value).replaceAll("").strip();
        if (text.isEmpty()) {
            throw refused(OpenDataErrorCode.FIELD_MISSING, field, "The field " + field + " is required.");
        }
        if (text.length() > max) {
            throw refused(OpenDataErrorCode.FIELD_TOO_LONG, field, "The field " + field + " is longer than " + max
                    + " characters.");
        }
        return text;
    }

    private static @Nullable String optionalCode(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CODE.matcher(value.strip()).matches()) {
            throw refused(OpenDataErrorCode.FIELD_INVALID, field,
                    "The field " + field + " may hold letters, digits, '.', '_', '/' and '-', at most 100.");
        }
        return value.strip();
    }

    private static DatasetRefused refused(OpenDataErrorCode code, String field, String detail) {
        return new DatasetRefused(code, field, detail);
    }
}
