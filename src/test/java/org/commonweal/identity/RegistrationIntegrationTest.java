package org.commonweal.identity;

import java.net.http.HttpResponse;
import java.util.Map;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Anyone can register as a citizen; nobody can give themselves another role that way. */
@CommonwealIntegrationTest
class RegistrationIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void registersACitizenWhoCanThenSignIn() {
        HttpResponse<String> response = new WebSession(port).post("/register", Map.of("username", "new.citizen",
                "displayName", "新市民", "password", "long-enough-password", "confirmPassword", "long-enough-password",
                "roles", "PLATFORM_ADMIN"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(accounts.findByUsername("new.citizen")).hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(Role.CITIZEN));
        assertThat(WebSession.signedIn(port, "new.citizen", "long-enough-password").get("/account").body()).contains("新市民");
    }

    @Test
    void explainsEachProblemBesideItsField() {
        HttpResponse<String> response = new WebSession(port).post("/register", Map.of("username", "x",
                "displayName", "<img src=x onerror=alert(1)>", "password", "short", "confirmPassword", "different"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"username-error\"", "id=\"displayName-error\"", "id=\"password-error\"",
                "id=\"confirmPassword-error\"").doesNotContain("<img src=x");
        assertThat(accounts.findByUsername("x")).isEmpty();
    }

    @Test
    void refusesATakenUsername() {
        HttpResponse<String> response = new WebSession(port).post("/register", Map.of("username", "citizen.zhao",
                "displayName", "冒名", "password", "long-enough-password", "confirmPassword", "long-enough-password"));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("该用户名已被使用");
    }

    @Test
    void aDoubleSubmissionCreatesOneAccount() {
        WebSession session = new WebSession(port);
        Map<String, String> form = Map.of("username", "double.click", "displayName", "双击",
                "password", "long-enough-password", "confirmPassword", "long-enough-password");
        String token = session.csrfToken();
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> session.postRaw("/register",
                WebSession.encode(withToken(form, token))).statusCode());
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> session.postRaw("/register",
                WebSession.encode(withToken(form, token))).statusCode());
        assertThat(java.util.List.of(first.join(), second.join())).containsExactlyInAnyOrder(302, 409);
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        var withToken = new java.util.HashMap<>(form);
        withToken.put("_csrf", token);
        return withToken;
    }
}
