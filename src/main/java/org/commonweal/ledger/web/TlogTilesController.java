package org.commonweal.ledger.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.ledger.internal.LedgerKeys;
import org.commonweal.ledger.internal.LedgerReader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The C2SP tlog-tiles read API under {@code /ledger/}: the signed checkpoint (mutable, cached for
 * a second or two), hash tiles and entry bundles (immutable, cached for a year). A tile the log
 * has is served by {@link TileFilter} before the request gets here; this answers the rest.
 */
@RestController
class TlogTilesController {

    static final String PREFIX = "/ledger/";
    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private final LedgerReader reader;
    private final LedgerKeys keys;

    TlogTilesController(LedgerReader reader, LedgerKeys keys) {
        this.reader = reader;
        this.keys = keys;
    }

    @GetMapping("/ledger/checkpoint")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(TEXT)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(2)).cachePublic())
                .body(reader.checkpoint().note());
    }

    @GetMapping("/ledger/verifier-key")
    ResponseEntity<String> verifierKey() {
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(keys.verifier().verifierKey() + "\n");
    }

    @GetMapping("/ledger/tile/**")
    ResponseEntity<byte[]> tile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(PREFIX.length());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE)
                .body(reader.tile(path));
    }
}
