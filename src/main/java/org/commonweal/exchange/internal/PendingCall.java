package org.commonweal.exchange.internal;

import org.commonweal.exchange.CallRecord;
import org.jspecify.annotations.Nullable;

/** A call record waiting in memory for its batch, with the columns statistics group by. */
public record PendingCall(CallRecord record, String consumerMember, String providerMember, @Nullable String resourceCode) {
}
