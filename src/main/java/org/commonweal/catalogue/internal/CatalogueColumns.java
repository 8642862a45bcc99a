package org.commonweal.catalogue.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.OpenType;
import org.commonweal.catalogue.ResourceDraft;
import org.commonweal.catalogue.ResourceFormat;
import org.commonweal.catalogue.SharingMethod;
import org.commonweal.catalogue.SharingType;
import org.commonweal.catalogue.UpdateCycle;
import org.jspecify.annotations.Nullable;

/**
 * The columns of catalogue files (CSV and Excel alike), one resource per row, and the conversion
 * of a row to a draft. Enumerations are written as their English constants; the Chinese terms of
 * the national practice (有条件, 核心, ...) are read too.
 */
public final class CatalogueColumns {

    public static final List<String> NAMES = List.of("code", "classification", "name_zh", "name_en", "provider",
            "summary", "format", "items", "sharing_type", "sharing_conditions", "sharing_method", "legal_basis",
            "open_type", "open_conditions", "update_cycle", "published_on", "grade");

    /** Columns a file must have; the others may be left out (empty). */
    public static final List<String> REQUIRED = List.of("name_zh", "name_en", "items", "sharing_type", "grade");

    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("无条件共享", "UNCONDITIONAL"), Map.entry("无条件", "UNCONDITIONAL"),
            Map.entry("有条件共享", "CONDITIONAL"), Map.entry("有条件", "CONDITIONAL"),
            Map.entry("不予共享", "NOT_SHARED"), Map.entry("无条件开放", "OPEN"), Map.entry("有条件开放", "CONDITIONAL"),
            Map.entry("不予开放", "NOT_OPEN"), Map.entry("一般", "GENERAL"), Map.entry("一般数据", "GENERAL"),
            Map.entry("重要", "IMPORTANT"), Map.entry("重要数据", "IMPORTANT"), Map.entry("核心", "CORE"),
            Map.entry("核心数据", "CORE"), Map.entry("实时", "REAL_TIME"), Map.entry("每日", "DAILY"),
            Map.entry("每周", "WEEKLY"), Map.entry("每月", "MONTHLY"), Map.entry("每季度", "QUARTERLY"),
            Map.entry("每年", "YEARLY"), Map.entry("不定期", "IRREGULAR"), Map.entry("接口", "INTERFACE"),
            Map.entry("文件", "FILE"), Map.entry("库表", "DATABASE"), Map.entry("数据库", "DATABASE"),
            Map.entry("电子表格", "SPREADSHEET"), Map.entry("电子文件", "DOCUMENT"), Map.entry("图形图像", "IMAGE"),
            Map.entry("流媒体", "STREAM"));

    private CatalogueColumns() {
    }

    /** A resource as the cells of one row, in {@link #NAMES} order. */
    public static List<String> cells(DataResource resource) {
        return List.of(resource.code(), resource.classification(), resource.nameZh(), resource.nameEn(),
                resource.provider(), resource.summary(), resource.format().name(), ItemNotation.format(resource.items()),
                resource.sharingType().name(), resource.sharingConditions(),
                resource.sharingMethod() == null ? "" : resource.sharingMethod().name(), resource.legalBasis(),
                resource.openType().name(), resource.openConditions(), resource.updateCycle().name(),
                resource.publishedOn().toString(), resource.grade().name());
    }

    /**
     * The draft a row describes. Problems with single cells are collected in {@code problems}
     * (and the draft is then null); rule checks come after, from the catalogue itself.
     */
    public static @Nullable ResourceDraft draft(Map<String, String> row, String defaultProvider, LocalDate today,
                                                List<String> problems) {
        String provider = cell(row, "provider").isEmpty() ? defaultProvider : cell(row, "provider");
        ResourceFormat format = choice(row, "format", ResourceFormat.class, ResourceFormat.DATABASE, problems);
        SharingType sharingType = choice(row, "sharing_type", SharingType.class, null, problems);
        SharingMethod method = choice(row, "sharing_method", SharingMethod.class, null, problems);
        OpenType openType = choice(row, "open_type", OpenType.class, OpenType.NOT_OPEN, problems);
        UpdateCycle cycle = choice(row, "update_cycle", UpdateCycle.class, UpdateCycle.IRREGULAR, problems);
        DataGrade grade = choice(row, "grade", DataGrade.class, null, problems);
        LocalDate publishedOn = today;
        if (!cell(row, "published_on").isEmpty()) {
            try {
                publishedOn = LocalDate.parse(cell(row, "published_on").replace('/', '-'));
            } catch (DateTimeParseException e) {
                problems.add("published_on: a date such as 2026-03-01, not \"" + shorten(cell(row, "published_on")) + "\"");
            }
        }
        List<org.commonweal.catalogue.DataItem> items = List.of();
        try {
            items = ItemNotation.parse(cell(row, "items"));
        } catch (IllegalArgumentException e) {
            problems.add("items: " + e.getMessage());
        }
        if (!problems.isEmpty() || sharingType == null || grade == null) {
            return null;
        }
        String code = cell(row, "code");
        return new ResourceDraft(code.isEmpty() ? null : code, cell(row, "classification").isEmpty() ? "3"
                : cell(row, "classification"), cell(row, "name_zh"), cell(row, "name_en"), provider,
                cell(row, "summary"), format, items, sharingType, cell(row, "sharing_conditions"), method,
                cell(row, "legal_basis"), openType, cell(row, "open_conditions"), cycle, publishedOn, grade);
    }

    /** Maps a header row to column positions; describes what is wrong with it otherwise. */
    public static Map<String, Integer> header(List<String> cells, List<String> problems) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!NAMES.contains(name)) {
                unknown.add(shorten(cells.get(i)));
            } else if (positions.putIfAbsent(name, i) != null) {
                problems.add("the column " + name + " appears twice");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown columns " + String.join(", ", unknown));
        }
        List<String> missing = REQUIRED.stream().filter(name -> !positions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            problems.add("missing columns " + String.join(", ", missing));
        }
        return positions;
    }

    private static String cell(Map<String, String> row, String column) {
        return row.getOrDefault(column, "").strip();
    }

    private static <E extends Enum<E>> @Nullable E choice(Map<String, String> row, String column, Class<E> type,
                                                          @Nullable E fallback, List<String> problems) {
        String value = cell(row, column);
        if (value.isEmpty()) {
            if (fallback == null && REQUIRED.contains(column)) {
                problems.add(column + " is empty");
            }
            return fallback;
        }
        String constant = CHINESE.getOrDefault(value, value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        try {
            return Enum.valueOf(type, constant);
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            problems.add(column + ": one of " + String.join(", ", allowed) + ", not \"" + shorten(value) + "\"");
            return fallback;
        }
    }

    /** Echoes of what a file said stay short in messages. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
