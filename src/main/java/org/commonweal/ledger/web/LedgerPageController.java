package org.commonweal.ledger.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.ledger.internal.LedgerKeys;
import org.commonweal.ledger.internal.LedgerReader;
import org.commonweal.ledger.internal.LedgerStore;
import org.commonweal.ledger.tlog.ProofException;
import org.commonweal.ledger.tlog.ProofVerifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ledger for people: what it is and how to check it, the latest entries, and a page per entry
 * that shows its inclusion proof and verifies it (in the browser with Web Crypto, and on the server
 * for readers without JavaScript). Auditors also see the security events the auditor raised.
 */
@Controller
class LedgerPageController {


    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private final LedgerReader reader;
    private final LedgerStore store;
    private final LedgerKeys keys;

    LedgerPageController(LedgerReader reader, LedgerStore store, LedgerKeys keys) {
        this.reader = reader;
        this.store = store;
        this.keys = keys;
    }

    @GetMapping("/ledger")
    String overview(HttpServletRequest request, Model model) {
        LedgerStore.SignedCheckpoint checkpoint = reader.checkpoint();
        long size = checkpoint.size();
        model.addAttribute("checkpoint", checkpoint.note());
        model.addAttribute("size", size);
        model.addAttribute("verifierKey", keys.verifier().verifierKey());
        model.addAttribute("latest", store.entries(Math.max(0, size - 20), size).reversed());
        boolean auditor = request.isUserInRole("AUDITOR") || request.isUserInRole("PLATFORM_ADMIN");
        model.addAttribute("alerts", auditor ? store.alerts(50) : List.of());
        model.addAttribute("showAlerts", auditor);
        return "ledger/overview";
    }

    @GetMapping("/ledger/entries/{index}")
    String entry(@PathVariable long index, Model model) {
        LedgerStore.StoredEntry entry = reader.entry(index);
        LedgerStore.SignedCheckpoint checkpoint = reader.checkpoint();
        List<byte[]> proof = reader.inclusionProof(index, checkpoint.size());
        boolean verified;
        try {
            ProofVerifier.verifyInclusion(index, checkpoint.size(),
                    org.commonweal.ledger.tlog.MerkleHash.leafHash(entry.entry()), proof, checkpoint.root());
            verified = true;
        } catch (ProofException e) {
            verified = false;
        }
        model.addAttribute("entry", new EntryPage(index, entry.type(), entry.subject(),
                new String(entry.entry(), StandardCharsets.UTF_8), BASE64.encodeToString(entry.leafHash()),
                checkpoint.size(), BASE64.encodeToString(checkpoint.root()),
                proof.stream().map(BASE64::encodeToString).toList(), checkpoint.note(), verified));
        return "ledger/entry";
    }
}
