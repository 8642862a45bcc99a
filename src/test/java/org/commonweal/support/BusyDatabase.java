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

    public static BusyDatabase holdEveryConnection(DataSource dataSource) throws SQLException {
        BusyDatabase busy = new BusyDatabase(dataSource.unwrap(HikariDataSource.class));
        busy.pool.getHikariConfigMXBean().setConnectionTimeout(250);
        try {
            while (true) {
                busy.held.add(busy.pool.getConnection());
            }
        } catch (SQLException exhausted) {
            if (busy.held.isEmpty()) {
                busy.close();
                throw exhausted;
            }
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
