package org.commonweal.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.commonweal.ledger.internal.LedgerKeys;
import org.commonweal.ledger.internal.LedgerStore;
import org.commonweal.ledger.tlog.CanonicalJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every module records the evidence of a consequential action: one call, inside the
 * transaction that changes state, so there is never a change without evidence nor evidence
 * without its change. The sequencer then puts it into the public Merkle log within a second.
 */
@Service
public class Ledger {

    /** The longest canonical entry the log accepts (tlog-tiles entry bundles use 16-bit lengths). */
    public static final int MAX_ENTRY_BYTES = 8 * 1024;

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final Clock clock;

    Ledger(LedgerStore store, LedgerKeys keys, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    /** Records evidence in the caller's transaction; there must be one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Evidence evidence) {
        recordAll(List.of(evidence));
    }

    /** Records several pieces of evidence, in this order, in the caller's transaction (one round trip). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Evidence> evidence) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.addPending(evidence.stream().map(e -> new LedgerStore.NewPending(canonical(e, at), e.type(), e.subject(), at))
                .toList());
    }

    private static byte[] canonical(Evidence evidence, Instant at) {
        Map<String, Object> entry = new LinkedHashMap<>(evidence.details());
        entry.put("type", evidence.type());
        entry.put("at", at.toString());
        entry.put("subject", evidence.subject());
        entry.put("actor", evidence.actor());
        byte[] canonical = CanonicalJson.toUtf8(entry);
        if (canonical.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("Evidence is " + canonical.length + " bytes; the most is " + MAX_ENTRY_BYTES);
        }
        return canonical;
    }

    /** Where an entry sits in the public log, for linking to it. */
    public record EntryReference(long index, String type) {
    }

    /**
     * The entries about a subject already in the log, oldest first. Evidence recorded in the last
     * moment may still be pending: the sequencer adds it within a second.
     */
    public List<EntryReference> entriesAbout(String subject) {
        return store.referencesAbout(subject, 1000).stream()
                .map(entry -> new EntryReference(entry.index(), entry.type())).toList();
    }

    /**
     * A stable public stand-in for a value that must not appear in clear and could be guessed from
     * a plain digest (an account id, a phone number): a keyed SHA-256 with the log's secret.
     */
    public String pseudonym(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.digestSecret(), "HmacSHA256"));
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
