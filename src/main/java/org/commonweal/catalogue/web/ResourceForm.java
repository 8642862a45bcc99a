package org.commonweal.catalogue.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.OpenType;
import org.commonweal.catalogue.ResourceDraft;
import org.commonweal.catalogue.ResourceFormat;
import org.commonweal.catalogue.SharingMethod;
import org.commonweal.catalogue.SharingType;
import org.commonweal.catalogue.UpdateCycle;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The register/edit form as typed, kept as text so a form with mistakes comes back exactly as sent.
 * Items arrive as parallel lists ({@code itemKey}, {@code itemNameZh}, ...); the checkboxes carry
 * their row number, since unticked boxes send nothing. Rows left wholly empty are ignored.
 */
record ResourceForm(String code, String classification, String nameZh, String nameEn, String provider, String summary,
                    String format, String sharingType, String sharingConditions, String sharingMethod,
                    String legalBasis, String openType, String openConditions, String updateCycle, String publishedOn,
                    String grade, List<ItemRow> items, String version) {

    /** How many rows the items editor shows beyond the filled ones, and the most it ever shows. */
    static final int BLANK_ROWS = 3;
    static final int MAX_ROWS = 500;

    record ItemRow(String key, String nameZh, String nameEn, String type, boolean personal, boolean sensitive) {

        boolean blank() {
            return key.isBlank() && nameZh.isBlank() && nameEn.isBlank();
        }
    }

    static ResourceForm blank(String provider, LocalDate today) {
        return new ResourceForm("", "3", "", "", provider, "", ResourceFormat.DATABASE.name(),
                SharingType.UNCONDITIONAL.name(), "", SharingMethod.INTERFACE.name(), "", OpenType.NOT_OPEN.name(), "",
                UpdateCycle.DAILY.name(), today.toString(), DataGrade.GENERAL.name(), List.of(), "0");
    }

    static ResourceForm of(DataResource resource) {
        return new ResourceForm(resource.code(), resource.classification(), resource.nameZh(), resource.nameEn(),
                resource.provider(), resource.summary(), resource.format().name(), resource.sharingType().name(),
                resource.sharingConditions(), resource.sharingMethod() == null ? "" : resource.sharingMethod().name(),
                resource.legalBasis(), resource.openType().name(), resource.openConditions(),
                resource.updateCycle().name(), resource.publishedOn().toString(), resource.grade().name(),
                resource.items().stream().map(i -> new ItemRow(i.key(), i.nameZh(), i.nameEn(), i.type(), i.personal(),
                        i.sensitive())).toList(), Long.toString(resource.version()));
    }

    static ResourceForm of(MultiValueMap<String, String> params) {
        List<String> keys = params.getOrDefault("itemKey", List.of());
        Set<String> personal = new HashSet<>(params.getOrDefault("itemPersonal", List.of()));
        Set<String> sensitive = new HashSet<>(params.getOrDefault("itemSensitive", List.of()));
        List<ItemRow> items = new ArrayList<>();
        for (int i = 0; i < Math.min(keys.size(), MAX_ROWS + BLANK_ROWS); i++) {
            items.add(new ItemRow(at(params, "itemKey", i).strip(), at(params, "itemNameZh", i).strip(),
                    at(params, "itemNameEn", i).strip(), at(params, "itemType", i).strip(),
                    personal.contains(Integer.toString(i)), sensitive.contains(Integer.toString(i))));
        }
        return new ResourceForm(one(params, "code"), one(params, "classification"), one(params, "nameZh"),
                one(params, "nameEn"), one(params, "provider"), one(params, "summary"), one(params, "format"),
                one(params, "sharingType"), one(params, "sharingConditions"), one(params, "sharingMethod"),
                one(params, "legalBasis"), one(params, "openType"), one(params, "openConditions"),
                one(params, "updateCycle"), one(params, "publishedOn"), one(params, "grade"), items,
                one(params, "version"));
    }

    /** The rows to show: the filled ones and a few blank ones to fill (more after "add rows"). */
    List<ItemRow> rowsToShow(int extraBlank) {
        List<ItemRow> rows = new ArrayList<>(items.stream().filter(row -> !row.blank()).toList());
        for (int i = 0; i < extraBlank && rows.size() < MAX_ROWS; i++) {
            rows.add(new ItemRow("", "", "", "string", false, false));
        }
        return rows;
    }

    List<DataItem> dataItems() {
        return items.stream().filter(row -> !row.blank()).map(row -> new DataItem(row.key(), row.nameZh(),
                row.nameEn(), row.type().toLowerCase(Locale.ROOT), row.personal(), row.sensitive())).toList();
    }

    long versionNumber() {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The draft the form describes, or null with the problems of single fields (a choice outside the
     * list, a date that is no date) added to {@code problems} as field → message key.
     */
    @Nullable ResourceDraft draft(List<String[]> problems) {
        ResourceFormat f = choice(ResourceFormat.class, format, "format", problems);
        SharingType s = choice(SharingType.class, sharingType, "sharingType", problems);
        OpenType o = choice(OpenType.class, openType, "openType", problems);
        UpdateCycle u = choice(UpdateCycle.class, updateCycle, "updateCycle", problems);
        DataGrade g = choice(DataGrade.class, grade, "grade", problems);
        SharingMethod m = sharingMethod.isBlank() ? null : choice(SharingMethod.class, sharingMethod, "sharingMethod", problems);
        LocalDate date = null;
        try {
            date = LocalDate.parse(publishedOn.strip());
        } catch (DateTimeParseException e) {
            problems.add(new String[]{"publishedOn", "catalogue.form.date_invalid"});
        }
        if (f == null || s == null || o == null || u == null || g == null || date == null) {
            return null;
        }
        return new ResourceDraft(code.isBlank() ? null : code.strip(), classification.strip(), nameZh.strip(),
                nameEn.strip(), provider.strip(), summary.strip(), f, dataItems(), s, sharingConditions.strip(),
                s == SharingType.NOT_SHARED ? null : m, legalBasis.strip(), o, openConditions.strip(), u, date, g);
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, String value, String field, List<String[]> problems) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new String[]{field, "catalogue.form.choose"});
            return null;
        }
    }

    private static String one(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static String at(MultiValueMap<String, String> params, String name, int index) {
        List<String> values = params.getOrDefault(name, List.of());
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }
}
