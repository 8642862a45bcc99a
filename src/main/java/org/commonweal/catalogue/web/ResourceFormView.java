package org.commonweal.catalogue.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.OpenType;
import org.commonweal.catalogue.ResourceFormat;
import org.commonweal.catalogue.SharingMethod;
import org.commonweal.catalogue.SharingType;
import org.commonweal.catalogue.UpdateCycle;

/** What the register/edit page shows: the form as typed, the item rows numbered, and the choices of each list. */
public record ResourceFormView(String code, String classification, String nameZh, String nameEn, String summary,
                               String format, String sharingType, String sharingConditions, String sharingMethod,
                               String legalBasis, String openType, String openConditions, String updateCycle,
                               String publishedOn, String grade, String version, List<Row> rows) {

    public record Row(int index, String key, String nameZh, String nameEn, String type, boolean personal,
                      boolean sensitive) {
    }

    static ResourceFormView of(ResourceForm form, List<ResourceForm.ItemRow> rows) {
        return new ResourceFormView(form.code(), form.classification(), form.nameZh(), form.nameEn(), form.summary(),
                form.format(), form.sharingType(), form.sharingConditions(), form.sharingMethod(), form.legalBasis(),
                form.openType(), form.openConditions(), form.updateCycle(), form.publishedOn(), form.grade(),
                form.version(), IntStream.range(0, rows.size()).mapToObj(i -> {
                    ResourceForm.ItemRow row = rows.get(i);
                    return new Row(i, row.key(), row.nameZh(), row.nameEn(), row.type(), row.personal(), row.sensitive());
                }).toList());
    }

    public List<String> formats() {
        return names(ResourceFormat.values());
    }

    public List<String> sharingTypes() {
        return names(SharingType.values());
    }

    public List<String> sharingMethods() {
        return names(SharingMethod.values());
    }

    public List<String> openTypes() {
        return names(OpenType.values());
    }

    public List<String> cycles() {
        return names(UpdateCycle.values());
    }

    public List<String> grades() {
        return names(DataGrade.values());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
