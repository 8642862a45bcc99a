package org.commonweal.ledger.web;

import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commonweal.ledger.LedgerErrorCode;
import org.commonweal.ledger.internal.LedgerReader;
import org.commonweal.ledger.internal.LedgerStore;
import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public ledger as JSON: entries, a subject's history, inclusion and consistency proofs. Hashes are base64. */
@RestController
@RequestMapping(path = "/api/v1/ledger", produces = "application/json")
@Tag(name = "Ledger", description = "The public tamper-evident log of consequential actions")
class LedgerApiController {

    record CheckpointView(long size, String root, String note) {
    }

    record EntryView(long index, String type, String subject, JsonNode entry, String leafHash) {
    }

    record InclusionView(long index, long size, String leafHash, String root, List<String> proof) {
    }

    record ConsistencyView(long from, long to, String fromRoot, String toRoot, List<String> proof) {
    }

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private final LedgerReader reader;
    private final LedgerStore store;
    private final JsonMapper json;

    LedgerApiController(LedgerReader reader, LedgerStore store, JsonMapper json) {
        this.reader = reader;
        this.store = store;
        this.json = json;
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint as a signed note)")
    CheckpointView checkpoint() {
        LedgerStore.SignedCheckpoint checkpoint = reader.checkpoint();
        return new CheckpointView(checkpoint.size(), BASE64.encodeToString(checkpoint.root()), checkpoint.note());
    }

    @GetMapping("/entries/{index}")
    @Operation(summary = "One entry by its index in the log")
    EntryView entry(@PathVariable long index) {
        return view(reader.entry(index));
    }

    @GetMapping("/entries")
    @Operation(summary = "Every entry about a subject (for example a request's whole history), oldest first")
    List<EntryView> about(@RequestParam String subject, @RequestParam(defaultValue = "100") int limit) {
        if (subject.isBlank() || subject.length() > 200) {
            throw new CommonwealException(LedgerErrorCode.SUBJECT_INVALID, "The subject must be 1-200 characters");
        }
        if (limit < 1 || limit > 1000) {
            throw new CommonwealException(LedgerErrorCode.SIZE_OUT_OF_RANGE, "The limit must be between 1 and 1000");
        }
        return store.entriesAbout(subject, limit).stream().map(this::view).toList();
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of an entry in a signed tree (size defaults to the latest)")
    InclusionView inclusion(@RequestParam long index, @RequestParam(required = false) @Nullable Long size) {
        long treeSize = size == null ? reader.checkpoint().size() : size;
        List<byte[]> proof = reader.inclusionProof(index, treeSize);
        return new InclusionView(index, treeSize, BASE64.encodeToString(reader.leafHash(index)),
                BASE64.encodeToString(reader.rootHash(treeSize)), proof.stream().map(BASE64::encodeToString).toList());
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "RFC 9162 consistency proof between two signed tree sizes")
    ConsistencyView consistency(@RequestParam long from, @RequestParam long to) {
        List<byte[]> proof = reader.consistencyProof(from, to);
        return new ConsistencyView(from, to, BASE64.encodeToString(reader.rootHash(from)),
                BASE64.encodeToString(reader.rootHash(to)), proof.stream().map(BASE64::encodeToString).toList());
    }

    private EntryView view(LedgerStore.StoredEntry entry) {
        return new EntryView(entry.index(), entry.type(), entry.subject(), json.readTree(entry.entry()),
                BASE64.encodeToString(entry.leafHash()));
    }
}
