package org.commonweal.catalogue.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.CatalogueBrowsing;
import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueRefused;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.Visibility;
import org.commonweal.identity.CommonwealUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue as JSON for departments' systems and the public, with the same visibility as the pages. */
@RestController
@RequestMapping(path = "/api/v1/catalogue", produces = "application/json")
@Tag(name = "Catalogue", description = "The government data resource catalogue (GB/T 21063)")
class CatalogueApiController {

    record ResourceView(String code, String classification, String nameZh, String nameEn, String provider,
                        String summary, String format, List<DataItem> items, String sharingType,
                        String sharingConditions, @Nullable String sharingMethod, String legalBasis, String openType,
                        String openConditions, String updateCycle, LocalDate publishedOn, String grade,
                        boolean offeredThroughGateway, boolean retired, long version) {

        static ResourceView of(DataResource r) {
            return new ResourceView(r.code(), r.classification(), r.nameZh(), r.nameEn(), r.provider(), r.summary(),
                    r.format().name(), r.items(), r.sharingType().name(), r.sharingConditions(),
                    r.sharingMethod() == null ? null : r.sharingMethod().name(), r.legalBasis(), r.openType().name(),
                    r.openConditions(), r.updateCycle().name(), r.publishedOn(), r.grade().name(),
                    r.offeredThroughGateway(), r.retired(), r.version());
        }
    }

    private final CatalogueBrowsing browsing;
    private final Catalogue catalogue;

    CatalogueApiController(CatalogueBrowsing browsing, Catalogue catalogue) {
        this.browsing = browsing;
        this.catalogue = catalogue;
    }

    @GetMapping("/resources")
    @Operation(summary = "Resources matching words (Chinese or English), a provider's member code and a class (1, 2, 3);"
            + " core data and retired resources only for government callers")
    List<ResourceView> resources(@Nullable CommonwealUser caller, @RequestParam(defaultValue = "") String q,
                                 @RequestParam(defaultValue = "") String provider,
                                 @RequestParam(defaultValue = "") String classification) {
        // the whole list: a city's catalogue is thousands of resources, not millions
        if (q.length() > 200) {
            throw new CatalogueRefused(CatalogueErrorCode.FIELD_TOO_LONG, "q is at most 200 characters", "q", q.length(), 200);
        }
        return browsing.find(new CatalogueBrowsing.Query(q, provider, classification), Visibility.of(caller)).stream()
                .map(ResourceView::of).toList();
    }

    @GetMapping("/resources/{code}")
    @Operation(summary = "One resource by its catalogue code")
    ResourceView resource(@Nullable CommonwealUser caller, @PathVariable String code) {
        return catalogue.find(code).filter(Visibility.of(caller)::sees).map(ResourceView::of)
                .orElseThrow(() -> new CatalogueRefused(CatalogueErrorCode.RESOURCE_NOT_FOUND,
                        "No resource in the catalogue has code " + code, code));
    }
}
