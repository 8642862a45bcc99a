package org.commonweal.catalogue;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a department writes to register or change a resource. {@link Catalogue} checks it against
 * the catalogue's rules ({@link CatalogueErrorCode}) and refuses it with a reason.
 *
 * @param code the catalogue code; null or blank on registration: the next free {@code QH-<PROVIDER>-NNNN}
 */
public record ResourceDraft(@Nullable String code,
                            String classification,
                            String nameZh, String nameEn,
                            String provider,
                            String summary,
                            ResourceFormat format,
                            List<DataItem> items,
                            SharingType sharingType,
                            String sharingConditions,
                            @Nullable SharingMethod sharingMethod,
                            String legalBasis,
                            OpenType openType,
                            String openConditions,
                            UpdateCycle updateCycle,
                            LocalDate publishedOn,
                            DataGrade grade) {

    public ResourceDraft {
        items = List.copyOf(items);
    }

    /**
     * A draft with the fields that matter to other modules and plain defaults for the rest:
     * a departmental class, database format, interface delivery (when shared), not open, updated daily.
     * A NOT_SHARED draft still needs {@link #withLegalBasis}; a CONDITIONAL one gets a generic condition.
     */
    public static ResourceDraft of(String provider, String nameZh, String nameEn, SharingType sharingType,
                                   DataGrade grade, List<DataItem> items, LocalDate publishedOn) {
        return new ResourceDraft(null, "3-01-01-001", nameZh, nameEn, provider, nameZh, ResourceFormat.DATABASE, items,
                sharingType, sharingType == SharingType.CONDITIONAL ? "用于履行法定职责 / for statutory duties" : "",
                sharingType == SharingType.NOT_SHARED ? null : SharingMethod.INTERFACE, "", OpenType.NOT_OPEN, "",
                UpdateCycle.DAILY, publishedOn, grade);
    }

    /**
     * The same draft with surrounding white space removed from every text, as the catalogue stores
     * it: what people paste from spreadsheets often carries stray spaces, and stored text must come
     * back the same from an export.
     */
    public ResourceDraft normalised() {
        return new ResourceDraft(code == null ? null : code.strip(), classification.strip(), nameZh.strip(),
                nameEn.strip(), provider.strip(), summary.strip(), format, items.stream().map(item -> new DataItem(
                        item.key().strip(), item.nameZh().strip(), item.nameEn().strip(), item.type().strip(),
                        item.personal(), item.sensitive())).toList(), sharingType, sharingConditions.strip(),
                sharingMethod, legalBasis.strip(), openType, openConditions.strip(), updateCycle, publishedOn, grade);
    }

    public ResourceDraft withCode(@Nullable String newCode) {
        return new ResourceDraft(newCode, classification, nameZh, nameEn, provider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withLegalBasis(String basis) {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, basis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withItems(List<DataItem> newItems) {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, format, newItems, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withSharing(SharingType type, String conditions, @Nullable SharingMethod method) {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, format, items, type,
                conditions, method, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withGrade(DataGrade newGrade) {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, newGrade);
    }

    public ResourceDraft withOpening(OpenType type, String conditions) {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, type, conditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withSummary(String newSummary) {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, newSummary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withNames(String newNameZh, String newNameEn) {
        return new ResourceDraft(code, classification, newNameZh, newNameEn, provider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withProvider(String newProvider) {
        return new ResourceDraft(code, classification, nameZh, nameEn, newProvider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withClassification(String newClassification) {
        return new ResourceDraft(code, newClassification, nameZh, nameEn, provider, summary, format, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, updateCycle, publishedOn, grade);
    }

    public ResourceDraft withCycle(ResourceFormat newFormat, UpdateCycle cycle) {
        return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, newFormat, items, sharingType,
                sharingConditions, sharingMethod, legalBasis, openType, openConditions, cycle, publishedOn, grade);
    }
}
