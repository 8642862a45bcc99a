package org.commonweal.requests.open311;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commonweal.requests.RequestSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Service discovery: where the GeoReport v2 endpoint lives, which formats it speaks, how to get a key. */
@RestController
@Tag(name = "Open311")
@SecurityRequirements
class DiscoveryController {

    /** When this endpoint's contract last changed; clients compare it to notice changes. */
    static final String CHANGESET = "2026-11-26T00:00:00Z";

    private final RequestSettings settings;

    DiscoveryController(RequestSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/open311/v2/discovery.{format}")
    @Operation(summary = "Open311 service discovery: the GeoReport v2 endpoint, its formats and how to get an api_key")
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        Format chosen = Format.of(format);
        String site = settings.publicUrl().replaceAll("/+$", "");
        Fields endpoint = new Fields()
                .put("specification", "http://wiki.open311.org/GeoReport_v2")
                .put("url", site + "/open311/v2")
                .put("changeset", CHANGESET)
                .put("type", "production")
                .put("formats", new Items("format", List.of("text/xml", "application/json")));
        Fields discovery = new Fields()
                .put("changeset", CHANGESET)
                .put("contact", "The 12345 citizen service centre answers questions about this API: " + site)
                .put("key_service", "An api_key is an API token that a department administrator issues for the"
                        + " department's own system on the department page: " + site + "/department")
                .put("endpoints", new Items("endpoint", List.of(endpoint)));
        return Open311Writer.ok(chosen, "discovery", discovery);
    }
}
