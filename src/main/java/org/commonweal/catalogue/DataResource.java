package org.commonweal.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A registered data resource with the catalogue metadata of GB/T 21063.
 *
 * @param code the catalogue code, unique, ASCII and URL-safe, e.g. {@code QH-TRANSPORT-0001}
 * @param provider the providing department's member code, e.g. {@code TRANSPORT}
 * @param classification 类-项-目-细目, e.g. {@code 3-07-01-001}; the first digit is the class
 *                       (1 basic, 2 thematic, 3 departmental resources)
 * @param sharingConditions the conditions of conditional sharing (empty otherwise)
 * @param sharingMethod how shared data is delivered; null when not shared
 * @param legalBasis why the resource is not shared (required then), otherwise optional
 * @param openConditions the conditions of conditional opening (empty otherwise)
 * @param retired retired resources stay in the catalogue for the record but are offered to nobody
 * @param version increases with every change; edit forms send the version they saw
 */
public record DataResource(String code,
                           String nameZh, String nameEn,
                           String provider,
                           SharingType sharingType, DataGrade grade,
                           List<DataItem> items,
                           String classification,
                           String summary,
                           ResourceFormat format,
                           String sharingConditions,
                           @Nullable SharingMethod sharingMethod,
                           String legalBasis,
                           OpenType openType,
                           String openConditions,
                           UpdateCycle updateCycle,
                           LocalDate publishedOn,
                           boolean retired,
                           long version) {

    public DataResource {
        items = List.copyOf(items);
    }

    /** Only resources that are shared (not NOT_SHARED) and not CORE may go through the exchange gateway; never retired ones. */
    public boolean offeredThroughGateway() {
        return !retired && sharingType != SharingType.NOT_SHARED && grade != DataGrade.CORE;
    }

    public Optional<DataItem> item(String key) {
        return items.stream().filter(item -> item.key().equals(key)).findFirst();
    }

    public boolean hasPersonalItems() {
        return items.stream().anyMatch(DataItem::personal);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    /** The draft that would register or change this resource as it is now. */
    public ResourceDraft draft() {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }
}
