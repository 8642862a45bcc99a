package org.commonweal.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.CatalogueSettings;
import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.OpenType;
import org.commonweal.catalogue.ResourceDraft;
import org.commonweal.catalogue.ResourceFormat;
import org.commonweal.catalogue.SharingMethod;
import org.commonweal.catalogue.SharingType;
import org.commonweal.catalogue.UpdateCycle;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.DemoCityLoaded;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's catalogue ({@code catalogue/demo-catalogue.json}): several resources for every
 * department, across the three sharing types and the three grades, registered through the same
 * rules and with the same evidence as any registration, each by its own department.
 */
@Component
public class DemoCatalogue {

    private static final String FILE = "/catalogue/demo-catalogue.json";
    /** The platform acting for the departments: evidence names each provider as the actor. */
    private static final CommonwealUser LOADER =
            new CommonwealUser(Accounts.SYSTEM, "system", null, Set.of(Role.PLATFORM_ADMIN), false);

    record Entry(String code, String classification, String provider, String nameZh, String nameEn, String summary,
                 ResourceFormat format, SharingType sharingType, @Nullable String sharingConditions,
                 @Nullable SharingMethod sharingMethod, @Nullable String legalBasis, OpenType openType,
                 @Nullable String openConditions, UpdateCycle updateCycle, LocalDate publishedOn, DataGrade grade,
                 List<String> items) {

        ResourceDraft draft() {
            return new ResourceDraft(code, classification, nameZh, nameEn, provider, summary, format,
                    ItemNotation.parse(String.join("\n", items)), sharingType, text(sharingConditions), sharingMethod,
                    text(legalBasis), openType, text(openConditions), updateCycle, publishedOn, grade);
        }

        private static String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    record DemoFile(String about, List<Entry> resources) {
    }

    private final Catalogue catalogue;
    private final CatalogueSettings settings;
    private final JsonMapper json;

    DemoCatalogue(Catalogue catalogue, CatalogueSettings settings, JsonMapper json) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(DemoCityLoaded loaded) {
        if (settings.demoEnabled()) {
            load();
        }
    }

    /** Registers every demo resource not yet in the catalogue; returns how many were registered. */
    @Transactional
    public int load() {
        int registered = 0;
        for (Entry entry : entries()) {
            if (catalogue.find(entry.code()).isEmpty()) {
                catalogue.register(entry.draft(), LOADER);
                registered++;
            }
        }
        return registered;
    }

    public List<ResourceDraft> drafts() {
        return entries().stream().map(Entry::draft).toList();
    }

    private List<Entry> entries() {
        try (InputStream in = DemoCatalogue.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the application");
            }
            return json.readValue(in, DemoFile.class).resources();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
