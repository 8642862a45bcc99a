package org.commonweal.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.commonweal.exchange.ExchangeSettings;
import org.springframework.stereotype.Component;

/**
 * Remembers the X-Road-Ids each client used within the duplicate window, to refuse a message sent
 * twice. Kept in memory on this node as 64-bit digests in two generations that rotate every window
 * (so an id is remembered for one to two windows); a restart or another node forgets them.
 */
@Component
class DuplicateIds {

    private final long windowMillis;
    private volatile Set<Long> current = ConcurrentHashMap.newKeySet();
    private volatile Set<Long> previous = ConcurrentHashMap.newKeySet();
    private volatile long rotatedAt = Long.MIN_VALUE;

    DuplicateIds(ExchangeSettings settings) {
        this.windowMillis = settings.duplicateWindow().toMillis();
    }

    /** True the first time a client uses this id within the window; false for a repeat. */
    boolean firstUse(String client, String xroadId, long epochMillis) {
        rotateIfDue(epochMillis);
        Long key = digest(client, xroadId);
        if (previous.contains(key)) {
            return false;
        }
        return current.add(key);
    }

    private void rotateIfDue(long now) {
        if (rotatedAt == Long.MIN_VALUE) {
            rotatedAt = now;
        }
        if (now - rotatedAt >= windowMillis) {
            synchronized (this) {
                if (now - rotatedAt >= windowMillis) {
                    previous = current;
                    current = ConcurrentHashMap.newKeySet();
                    rotatedAt = now;
                }
            }
        }
    }

    private static Long digest(String client, String xroadId) {
        MessageDigest sha = MerkleTree.sha256();
        sha.update(client.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        return ByteBuffer.wrap(sha.digest(xroadId.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
