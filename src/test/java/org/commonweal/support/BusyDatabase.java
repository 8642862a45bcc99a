package org.commonweal.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Every connection of the application's pool held by the test, as under a burst of requests that
 * fills it, with a short wait for a connection so the test does not sit out the configured timeout.
 * Closing gives the connections back and restores the wait.
 */
public final class BusyDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final long configuredWait;
    private final List<Connection> held = new ArrayList<>();

    private BusyDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.configuredWait = pool.getConnectionTimeout();
    }

    /**
     * Holds all of the pool's connections, once the application's own work (loading the demo after a
     * start, for instance) has given back those it was using: up to a minute.
     */
    public static BusyDatabase holdEveryConnection(DataSource dataSource) throws SQLException, InterruptedException {
        BusyDatabase busy = new BusyDatabase(dataSource.unwrap(HikariDataSource.class));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (busy.pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        busy.pool.getHikariConfigMXBean().setConnectionTimeout(250);
        try {
            while (busy.held.size() < busy.pool.getMaximumPoolSize()) {
                try {
                    busy.held.add(busy.pool.getConnection());
                } catch (SQLException inUseForNow) {
                    if (System.nanoTime() > deadline) {
                        throw new SQLException("Held " + busy.held.size() + " of " + busy.pool.getMaximumPoolSize()
                                + " connections; the rest stayed in use for a minute", inUseForNow);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            busy.close();
            throw e;
        }
        return busy;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
        pool.getHikariConfigMXBean().setConnectionTimeout(configuredWait);
    }
}
