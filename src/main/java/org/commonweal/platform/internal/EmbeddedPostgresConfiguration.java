package org.commonweal.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.commonweal.platform.DatabaseSettings;
import org.commonweal.platform.EmbeddedDatabaseCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is given, Commonweal runs its own
 * PostgreSQL (the same engine as production, so there is one SQL dialect) with its files under
 * {@code ./data/postgres}, kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String DATABASE = "commonweal";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseSettings settings) throws IOException {
        Path cluster = Path.of(settings.directory()).toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(cluster);
        StalePostmaster.stopIfRunning(cluster);
        log.info("Starting embedded PostgreSQL with its data in {}", cluster);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                // durability matters more than speed: a committed action must survive a crash, of the
                // machine too. The library starts the server with -F (fsync off, for throwaway test
                // databases); a later -c fsync=on wins over it.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // with several commits in flight, wait 0.2 ms so one disk flush carries them all
                // (Open311 POSTs +15-35% with durable commits); a lone commit is flushed at once
                .setServerConfig("commit_delay", "200")
                .setServerConfig("commit_siblings", "3")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("commonweal-embedded");
        dataSource.setMaximumPoolSize(20);
        // the local server answers at once or not at all (it stops with the JVM): do not wait 30 s
        dataSource.setConnectionTimeout(5_000);
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
    }
}
