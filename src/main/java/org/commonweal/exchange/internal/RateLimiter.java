package org.commonweal.exchange.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Calls per minute per agreement, counted in fixed clock minutes on this node. Simple and cheap;
 * at a minute's edge a client can make up to twice its rate in a short burst, and with several
 * nodes each counts its own share.
 */
@Component
class RateLimiter {

    private static final class Window {
        private long minute = Long.MIN_VALUE;
        private int count;

        synchronized boolean take(long now, int limit) {
            if (now != minute) {
                minute = now;
                count = 0;
            }
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        }
    }

    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

    /** True when the call may pass; counts it. */
    boolean tryAcquire(UUID agreementId, int perMinute, long epochMillis) {
        return windows.computeIfAbsent(agreementId, id -> new Window()).take(epochMillis / 60_000, perMinute);
    }

    /** Seconds until the next minute starts, for Retry-After. */
    static long secondsToNextMinute(long epochMillis) {
        return Math.max(1, (60_000 - epochMillis % 60_000 + 999) / 1000);
    }
}
