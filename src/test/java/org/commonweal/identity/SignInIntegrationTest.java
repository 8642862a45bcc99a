package org.commonweal.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in: field-level messages for bad input, slowed-down guessing, hashed passwords, CSRF. */
@CommonwealIntegrationTest
class SignInIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Nested
    class BadInput {

        @Test
        void emptyFieldsGetAMessageEach() {
            HttpResponse<String> response = new WebSession(port).post("/login", Map.of("username", "", "password", ""));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("href=\"#username\"").contains("href=\"#password\"")
                    .contains("id=\"username-error\"").contains("请输入用户名");
        }

        @Test
        void overlongInputIsRefusedBeforeAnyPasswordCheck() {
            HttpResponse<String> response = new WebSession(port).post("/login",
                    Map.of("username", "a".repeat(65), "password", "p".repeat(129)));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("id=\"username-error\"").contains("id=\"password-error\"");
        }

        @Test
        void scriptTagsAreShownAsTextNeverRun() {
            HttpResponse<String> response = new WebSession(port).post("/login",
                    Map.of("username", "<script>alert(1)</script>", "password", "whatever-password"));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script");
        }

        @Test
        void missingFieldsAndBrokenEncodingAreClientErrors() {
            WebSession session = new WebSession(port);
            String token = session.csrfToken();
            assertThat(session.postRaw("/login", "_csrf=" + token).statusCode()).isEqualTo(400);
            byte[] brokenUtf8 = ("_csrf=" + token + "&username=%C3%28&password=%FF%FE").getBytes();
            assertThat(session.postBytes("/login", brokenUtf8).statusCode()).isBetween(400, 499);
        }

        @Test
        void aFormWithoutTheCsrfTokenIsRefused() {
            WebSession session = new WebSession(port);
            HttpResponse<String> response = session.postRaw("/login", "username=admin&password=" + CommonwealIntegrationTest.ADMIN_PASSWORD);
            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Guessing {

        @Test
        void wrongPasswordsSlowDownSignInUntilTheDelayPasses() {
            accounts.create("guess.target", "Target", "right-password-1", null, Set.of(Role.CITIZEN), Accounts.SYSTEM);
            WebSession attacker = new WebSession(port);
            for (int i = 0; i < 5; i++) {
                assertThat(attacker.post("/login", Map.of("username", "guess.target", "password", "wrong-" + i)).statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> slowed = attacker.post("/login", Map.of("username", "guess.target", "password", "right-password-1"));
            assertThat(slowed.statusCode()).as("even the right password waits").isEqualTo(429);
            assertThat(slowed.body()).contains("密码错误次数过多");

            clock.advance(Duration.ofMinutes(1));
            assertThat(new WebSession(port).post("/login", Map.of("username", "guess.target", "password", "right-password-1"))
                    .statusCode()).isEqualTo(302);
        }
    }

    @Test
    void passwordsAreStoredWithAnAdaptiveHash() {
        String hash = jdbc.sql("SELECT password_hash FROM identity_account WHERE username = 'citizen.liu'")
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(CommonwealIntegrationTest.DEMO_PASSWORD);
    }

    @Test
    void signingInGivesANewSessionAndLeadsToTheAccountPage() {
        WebSession session = new WebSession(port);
        session.get("/login");
        HttpResponse<String> response = session.post("/login",
                Map.of("username", "Citizen.Liu", "password", CommonwealIntegrationTest.DEMO_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
        assertThat(session.get("/account").body()).contains("刘洋");
    }
}
