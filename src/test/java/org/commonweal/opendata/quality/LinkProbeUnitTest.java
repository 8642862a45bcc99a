package org.commonweal.opendata.quality;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The link checker against a real small HTTP server on loopback (allowed for this test only). */
class LinkProbeUnitTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/get-only", exchange -> {
            requests.incrementAndGet();
            int status = exchange.getRequestMethod().equals("HEAD") ? 405 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private final LinkProbe allowingLoopback = new LinkProbe(Duration.ofMillis(500), true);

    @Test
    void aWorkingLinkAnswersWithItsStatus() {
        assertThat(allowingLoopback.check(base + "/ok")).isEqualTo(new LinkProbe.Result(200, true, null));
    }

    @Test
    void aMissingPageIsBroken() {
        assertThat(allowingLoopback.check(base + "/gone")).isEqualTo(new LinkProbe.Result(404, false, "http_404"));
    }

    @Test
    void serversWithoutHeadAreAskedWithGet() {
        assertThat(allowingLoopback.check(base + "/get-only")).isEqualTo(new LinkProbe.Result(200, true, null));
        assertThat(requests).hasValue(2);
    }

    @Test
    void redirectsAreFollowedAFewTimes() {
        assertThat(allowingLoopback.check(base + "/moved").ok()).isTrue();
        assertThat(allowingLoopback.check(base + "/loop").problem()).isEqualTo("too_many_redirects");
    }

    @Test
    void aSlowServerTimesOut() {
        assertThat(allowingLoopback.check(base + "/slow").problem()).isEqualTo("timeout");
    }

    @Test
    void privateAndLoopbackAddressesAreNeverFetchedByDefault() {
        LinkProbe guarded = new LinkProbe(Duration.ofMillis(500), false);
        for (String url : new String[]{base + "/ok", "http://localhost:" + server.getAddress().getPort() + "/ok",
                "http://[::1]/", "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/"}) {
            assertThat(guarded.check(url).problem()).as(url).isEqualTo("private_address");
        }
        assertThat(requests).as("no request reached the server").hasValue(0);
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedAtTheHop() throws IOException {
        HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirector.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        try {
            String url = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/";
            assertThat(allowingLoopback.check(url).problem()).isEqualTo("private_address");
        } finally {
            redirector.stop(0);
        }
    }

    @Test
    void allowingLoopbackStillRefusesEveryOtherPrivateRange() {
        for (String url : new String[]{"http://10.0.0.1/", "http://169.254.169.254/", "http://192.168.0.1/"}) {
            assertThat(allowingLoopback.check(url).problem()).as(url).isEqualTo("private_address");
        }
    }

    @Test
    void onlyHttpAndHttpsAreChecked() {
        assertThat(allowingLoopback.check("ftp://files.example/x").problem()).isEqualTo("not_http");
        assertThat(allowingLoopback.check("javascript:alert(1)").problem()).isEqualTo("not_http");
        assertThat(allowingLoopback.check("http://exa mple.com/").problem()).isEqualTo("malformed");
        assertThat(LinkProbe.isPrivate(InetAddress.getLoopbackAddress())).isTrue();
        assertThat(URI.create(base).getHost()).isEqualTo("127.0.0.1");
    }
}
