package org.commonweal.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process. If Commonweal was killed (SIGKILL, power cut of
 * the JVM only), that process outlives it and holds the data folder; the next start asks it to shut
 * down cleanly first, so the restart recovers instead of failing.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    static void stopIfRunning(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.getFirst()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) {
            return; // a stale pid file alone is cleaned up by PostgreSQL itself
        }
        log.warn("An embedded PostgreSQL (pid {}) from a previous run still holds {}; stopping it first",
                postmaster.get().pid(), cluster);
        // SIGTERM is PostgreSQL's "smart" shutdown: the old clients are gone, so it stops at once
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the old PostgreSQL to stop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The old PostgreSQL (pid " + postmaster.get().pid() + ") did not stop; stop it and start again", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private StalePostmaster() {
    }
}
