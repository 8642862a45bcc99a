package org.commonweal.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.commonweal.exchange.ExchangeSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the gateway reads on every call (services, agreements, tokens), kept for a short time so a
 * call costs no database round trip. Changes made on this node clear it when they commit; changes
 * made on another node are seen within {@code commonweal.exchange.cache-ttl}.
 */
@Component
public class GatewayCache {

    /** Bounds memory when clients present many different keys (unknown tokens, say). */
    private static final int MAX_ENTRIES = 20_000;

    private record Entry(Object value, Instant loadedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    GatewayCache(ExchangeSettings settings, Clock clock) {
        this.ttl = settings.cacheTtl();
        this.clock = clock;
    }

    /** The cached value under the key, loaded again when older than the cache time. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> loader) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry == null || entry.loadedAt().plus(ttl).isBefore(now) || entry.loadedAt().isAfter(now)) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(loader.get(), now);
            entries.put(key, entry);
        }
        return (T) entry.value();
    }

    public void forgetServices() {
        forgetAfterCommit("service:");
    }

    public void forgetAgreementsAfterCommit() {
        forgetAfterCommit("agreement:");
    }

    public void forgetTokens() {
        entries.keySet().removeIf(key -> key.startsWith("token:"));
    }

    private void forgetAfterCommit(String prefix) {
        entries.keySet().removeIf(key -> key.startsWith(prefix));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a reader between now and the commit may have cached the old state again
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.keySet().removeIf(key -> key.startsWith(prefix));
                }
            });
        }
    }
}
