package org.commonweal.catalogue;

/**
 * One data item (信息项) of a resource.
 *
 * @param key stable ASCII snake_case name of the item, e.g. {@code "plate_number"}
 * @param type one of {@link #TYPES}
 * @param personal the item is personal information
 * @param sensitive the item is sensitive personal information (or otherwise sensitive)
 */
public record DataItem(String key, String nameZh, String nameEn, String type, boolean personal, boolean sensitive) {

    /** The item types the catalogue knows. */
    public static final java.util.List<String> TYPES =
            java.util.List.of("string", "integer", "decimal", "date", "datetime", "boolean", "binary");

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
