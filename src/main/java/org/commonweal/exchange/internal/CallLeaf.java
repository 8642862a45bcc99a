package org.commonweal.exchange.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.commonweal.exchange.CallRecord;

import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes of a call record under its batch's Merkle tree: compact JSON, keys sorted, items
 * sorted, times as ISO-8601. Anyone holding a call record rebuilds the same bytes, hashes them and
 * checks the inclusion proof against the root the ledger published for the batch.
 */
public final class CallLeaf {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CallLeaf() {
    }

    public static byte[] bytes(CallRecord call) {
        Map<String, Object> leaf = new TreeMap<>();
        leaf.put("id", call.id().toString());
        leaf.put("xroad_id", call.xroadId());
        leaf.put("client", call.client());
        leaf.put("service", call.serviceId());
        leaf.put("agreement", call.agreementId() == null ? null : call.agreementId().toString());
        leaf.put("purpose", call.purpose());
        leaf.put("issue", call.issue());
        leaf.put("subject", call.subjectHash());
        leaf.put("items", new TreeSet<>(call.dataItems()));
        leaf.put("at", call.at().toString());
        leaf.put("visible_from", call.visibleToSubjectFrom().toString());
        leaf.put("status", call.status());
        leaf.put("error", call.errorCode());
        leaf.put("request_digest", call.requestDigest());
        leaf.put("response_digest", call.responseDigest());
        leaf.put("duration_micros", call.durationMicros());
        return JSON.writeValueAsBytes(leaf);
    }
}
