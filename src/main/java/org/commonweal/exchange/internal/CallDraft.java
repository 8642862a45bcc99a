package org.commonweal.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.commonweal.exchange.Agreement;
import org.commonweal.exchange.CallRecord;
import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.RegisteredService;
import org.jspecify.annotations.Nullable;

/** What the gateway learns about one call as it goes, turned into a call record at the end. */
final class CallDraft {

    private static final int MAX_TEXT = 200;

    final UUID id = UUID.randomUUID();
    final Instant at;
    final long startNanos = System.nanoTime();
    String xroadId;
    String client = "";
    String consumerMember = "";
    String serviceId = "";
    String providerMember = "";
    @Nullable RegisteredService service;
    @Nullable Agreement agreement;
    @Nullable String issue;
    @Nullable String subjectHash;
    final Set<String> delivered = new HashSet<>();
    int status;
    @Nullable ExchangeErrorCode error;
    String requestDigest = BodyStreams.hex(MerkleTree.sha256());
    String responseDigest = BodyStreams.hex(MerkleTree.sha256());

    CallDraft(Instant at) {
        this.at = at;
        this.xroadId = id.toString();
    }

    static String clip(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    PendingCall pending() {
        Instant visibleFrom = agreement == null ? at : at.plus(Duration.ofDays(agreement.terms().trackerDelayDays()));
        CallRecord record = new CallRecord(id, clip(xroadId), clip(client), clip(serviceId),
                agreement == null ? null : agreement.id(), agreement == null ? null : agreement.terms().purpose(),
                issue, subjectHash, delivered, at, visibleFrom, status, error == null ? null : error.code(),
                requestDigest, responseDigest, (System.nanoTime() - startNanos) / 1000);
        return new PendingCall(record, clip(consumerMember), clip(providerMember), service == null ? null : service.resourceCode());
    }
}
