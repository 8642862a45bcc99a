package org.commonweal.opendata.quality;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.access.ParticipationSettings;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link checks stored in PostgreSQL feed the score. The checker is built here with loopback
 * allowed, so it can reach this test's own JDK HttpServer; the application's own checker keeps
 * the default guard.
 */
@CommonwealIntegrationTest
class QualityIntegrationTest {

    @Autowired
    Datasets datasets;

    @Autowired
    QualityScores scores;

    @Autowired
    LinkChecks applicationChecker;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        clock.set(MutableClock.START);
        new org.commonweal.opendata.access.Participants(accounts, jdbc).waitForDemo();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBrokenLinkLowersTheScoreUntilItWorksAgain() {
        CommonwealUser staff = user("staff.transport");
        Dataset dataset = datasets.findByName("qinghe-ev-charging").orElseThrow();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/chargers/" + UUID.randomUUID();
        DataResource link = datasets.addLink(dataset.id(), "充电桩接口", "实时状态", url, "API", staff);
        LinkChecks checker = new LinkChecks(jdbc, new ParticipationSettings(10, 366, Duration.ofHours(6),
                Duration.ofSeconds(2), true, false), clock);

        QualityScore.Part unchecked = scores.of(dataset.id()).part("links");
        assertThat(unchecked.points()).isEqualTo(10); // one file (no check needed) is not counted; one link unchecked: half

        checker.check(link.id(), url);
        QualityScore working = scores.of(dataset.id());
        assertThat(working.part("links").points()).isEqualTo(20);
        assertThat(working.part("links").checks()).anySatisfy(c -> assertThat(c.value()).contains("HTTP 200"));

        status.set(404);
        clock.advance(Duration.ofHours(6));
        checker.check(link.id(), url);
        QualityScore broken = scores.of(dataset.id());
        assertThat(broken.part("links").points()).isZero();
        assertThat(broken.part("links").advice()).contains("opendata.quality.advice.broken_links");
        assertThat(broken.total()).isEqualTo(working.total() - 20);
        assertThat(jdbc.sql("SELECT http_status FROM opendata_link_check WHERE resource_id = ?").param(link.id())
                .query(Integer.class).single()).isEqualTo(404);
    }

    @Test
    void theApplicationsOwnCheckerNeverFetchesLoopback() {
        Dataset dataset = datasets.findByName("qinghe-parking-lots").orElseThrow();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/private/" + UUID.randomUUID();
        DataResource link = datasets.addLink(dataset.id(), "内网接口", "", url, "API", user("staff.transport"));

        LinkChecks.LinkCheck check = applicationChecker.check(link.id(), url);

        assertThat(check.ok()).isFalse();
        assertThat(check.problem()).isEqualTo("private_address");
    }

    @Test
    void everyPublicDemoDatasetHasAScoreWithinRange() {
        for (String name : new String[]{"qinghe-bus-stops", "qinghe-realtime-bus-api", "qinghe-vaccination-points"}) {
            QualityScore score = scores.of(datasets.findByName(name).orElseThrow().id());
            assertThat(score.total()).as(name).isBetween(0, 100);
            assertThat(score.parts()).extracting(QualityScore.Part::code)
                    .containsExactly("completeness", "freshness", "openness", "links");
            assertThat(score.total()).isEqualTo(score.parts().stream().mapToInt(QualityScore.Part::points).sum());
        }
    }

    private CommonwealUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return new CommonwealUser(a.id(), a.displayName(), a.organisationId(), Set.copyOf(a.roles()), false);
    }
}
