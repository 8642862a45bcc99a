package org.commonweal.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.commonweal.CommonwealApplication;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping and starting again on the same {@code ./data/} keeps every account and all data. */
class RestartIntegrationTest {

    @Test
    void aSecondStartOnTheSameDataKeepsUsersAndDataAndLoadsNothingTwice() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "restart-data-");
        try (ConfigurableApplicationContext first = start(data)) {
            first.getBean(Accounts.class).create("kept.citizen", "留存", "password-123456", null,
                    Set.of(Role.CITIZEN), Accounts.SYSTEM);
        }
        try (ConfigurableApplicationContext second = start(data)) {
            Accounts accounts = second.getBean(Accounts.class);
            assertThat(accounts.findByUsername("kept.citizen")).isPresent();
            assertThat(accounts.passwordMatches(accounts.findByUsername("kept.citizen").orElseThrow().id(), "password-123456")).isTrue();
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM identity_account WHERE username = 'admin'").query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM identity_organisation WHERE member_code = 'TRANSPORT'").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void theEmbeddedDatabaseWritesEveryCommitToDiskBeforeAnswering() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "durable-data-");
        // the embedded default even where CI names an external server: it is what a newcomer runs
        try (ConfigurableApplicationContext embedded = start(data, "--spring.datasource.url=")) {
            JdbcClient jdbc = embedded.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        }
    }

    private static ConfigurableApplicationContext start(Path data, String... more) {
        String[] arguments = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--server.port=0", "--commonweal.database.directory=" + data.toAbsolutePath()),
                java.util.stream.Stream.of(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(CommonwealApplication.class).profiles("test").run(arguments);
    }
}
