package org.commonweal.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell every page shares: language, elderly mode, errors, assets and operations endpoints. */
@CommonwealIntegrationTest
class PageShellIntegrationTest {

    @LocalServerPort
    int port;

    @Nested
    class Language {

        @Test
        void brokenPercentEncodingIsABadRequestNotAnError() throws java.io.IOException {
            // java.net.URI refuses to send this, so it goes over a plain socket as a hostile client would
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.getOutputStream().write(("GET /requests?category=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: text/html\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 400").doesNotContain("Exception");
            }
        }

        @Test
        void aFirstVisitFollowsTheBrowserAndDefaultsToChinese() {
            assertThat(get("/", "en-GB,en;q=0.9").body()).contains("<html lang=\"en\"").contains("Sign in");
            assertThat(get("/", "zh-TW,zh;q=0.9,en;q=0.5").body()).contains("<html lang=\"zh-CN\"");
            assertThat(get("/", "fr-FR").body()).contains("<html lang=\"zh-CN\"").contains("登录");
            assertThat(get("/", null).body()).contains("<html lang=\"zh-CN\"");
        }

        @Test
        void theSwitchIsAPlainLinkAndIsRemembered() {
            WebSession session = new WebSession(port);
            assertThat(session.get("/").body()).contains("href=\"/?lang=en\"");
            assertThat(session.get("/?lang=en").body()).contains("<html lang=\"en\"").contains("href=\"/?lang=zh-CN\"");
            assertThat(session.get("/login").body()).contains("<html lang=\"en\"");
            assertThat(session.get("/?lang=xx-evil").body()).as("unknown languages are ignored").contains("<html lang=\"en\"");
        }
    }

    @Nested
    class HomePage {

        @Test
        void leadsToThePagesThatExistUnderTheirPillar() {
            String home = get("/", null).body();
            String trust = home.substring(home.indexOf("id=\"pillar-TRUST\""), home.indexOf("id=\"pillar-EMPOWERMENT\""));
            assertThat(trust).contains("href=\"/ledger\"");
            assertThat(home.substring(home.indexOf("id=\"pillar-EMPOWERMENT\""))).contains("href=\"/requests/new\"", "href=\"/requests\"");
            assertThat(home).doesNotContainIgnoringCase("coming soon").doesNotContain("即将推出");
        }
    }

    @Nested
    class ElderlyMode {

        @Test
        void isSwitchedWithALinkAndRemembered() {
            WebSession session = new WebSession(port);
            assertThat(session.get("/").body()).doesNotContain("class=\"elderly\"").contains("长辈版");
            assertThat(session.get("/?elderly=on").body()).contains("<html lang=\"zh-CN\" class=\"elderly\"").contains("标准版");
            assertThat(session.get("/register").body()).contains("class=\"elderly\"");
            assertThat(session.get("/?elderly=off").body()).doesNotContain("class=\"elderly\"");
        }
    }

    @Nested
    class Errors {

        @Test
        void aMissingPageIsAFriendlyPageWithTheRequestId() {
            WebSession citizen = WebSession.signedIn(port, "citizen.liu", CommonwealIntegrationTest.DEMO_PASSWORD);
            HttpResponse<String> response = citizen.get("/no/such/page");
            assertThat(response.statusCode()).isEqualTo(404);
            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(response.body()).contains("页面不存在").contains(requestId).doesNotContain("Exception").doesNotContain("at org.");
        }

        @Test
        void pathTraversalFindsNothing() {
            HttpResponse<String> response = get("/css/..%2F..%2Fapplication.properties", null);
            assertThat(response.statusCode()).isBetween(400, 404);
            assertThat(response.body()).doesNotContain("spring.");
        }

        @Test
        void aWellFormedRequestIdFromAProxyIsKeptAndAHostileOneReplaced() {
            assertThat(get("/", null, "X-Request-Id", "proxy-id-12345").headers().firstValue("X-Request-Id")).hasValue("proxy-id-12345");
            assertThat(get("/", null, "X-Request-Id", "<script>alert(1)</script>").headers().firstValue("X-Request-Id"))
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
        }
    }

    @Nested
    class Operations {

        @Test
        void healthMetricsAndApiDescriptionAreServed() {
            assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
            assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
            HttpResponse<String> openApi = get("/v3/api-docs", null);
            assertThat(openApi.body()).contains("\"openapi\":\"3.1").contains("/api/v1/organisations").contains("bearer");
            assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
        }

        @Test
        void everyAssetIsServedByTheApplicationItself() {
            String home = get("/", null).body();
            assertThat(home).doesNotContainPattern("(src|href)=\"(https?:)?//");
            assertThat(get("/css/site.css", null).statusCode()).isEqualTo(200);
            assertThat(get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String path, String acceptLanguage, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", path.startsWith("/actuator") || path.startsWith("/v3") ? "*/*" : "text/html");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (headers.length > 0) {
            request.header(headers[0], headers[1]);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
