package org.commonweal.identity;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each role can do what it should and is refused what it should not, over real HTTP: one row per
 * endpoint, one column per role. {@code 302} for pages means "sent to the sign-in page".
 */
@CommonwealIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessIntegrationTest {

    enum Who { ANONYMOUS, CITIZEN, STAFF, DEPARTMENT_ADMIN, AUDITOR, PLATFORM_ADMIN }

    private static final Map<Who, String> USERNAMES = Map.of(
            Who.CITIZEN, "citizen.liu", Who.STAFF, "staff.transport", Who.DEPARTMENT_ADMIN, "admin.transport",
            Who.AUDITOR, "auditor.zhou", Who.PLATFORM_ADMIN, CommonwealIntegrationTest.ADMIN);

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    private final Map<Who, WebSession> sessions = new HashMap<>();
    private UUID transport;
    private UUID housing;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    void signInEveryRole() {
        // the open data rows need the demo datasets, which arrive asynchronously after start-up
        new org.commonweal.opendata.access.Participants(null, jdbc).waitForDemo();
        transport = department("TRANSPORT");
        housing = department("HOUSING");
        sessions.put(Who.ANONYMOUS, new WebSession(port));
        USERNAMES.forEach((who, username) -> sessions.put(who, WebSession.signedIn(port, username,
                who == Who.PLATFORM_ADMIN ? CommonwealIntegrationTest.ADMIN_PASSWORD : CommonwealIntegrationTest.DEMO_PASSWORD)));
    }

    //                                     anonymous citizen staff deptAdmin auditor platformAdmin
    static Stream<Arguments> pages() {
        return Stream.of(
                arguments("/", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/account", new int[]{302, 200, 200, 200, 200, 200}),
                arguments("/admin/accounts", new int[]{302, 403, 403, 403, 403, 200}),
                arguments("/admin/organisations", new int[]{302, 403, 403, 403, 403, 200}),
                arguments("/department", new int[]{302, 403, 302, 302, 403, 403}),
                arguments("/departments/{own}", new int[]{302, 403, 200, 200, 200, 200}),
                arguments("/departments/{other}", new int[]{302, 403, 403, 403, 200, 200}),
                arguments("/requests", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/requests/new/noise", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/requests/mine", new int[]{302, 200, 200, 200, 200, 200}),
                arguments("/department/requests", new int[]{302, 403, 200, 200, 403, 403}),
                arguments("/admin/outbox", new int[]{302, 403, 403, 403, 403, 200}),
                arguments("/sharing/apply", new int[]{302, 403, 200, 200, 403, 403}),
                arguments("/sharing/apply/QH-TRANSPORT-0001", new int[]{302, 403, 200, 200, 403, 403}),
                arguments("/sharing/applications", new int[]{302, 403, 200, 200, 403, 403}),
                arguments("/sharing/inbox", new int[]{302, 403, 200, 200, 403, 403}),
                arguments("/sharing/overdue", new int[]{302, 403, 403, 403, 200, 200}),
                arguments("/sharing/refusals", new int[]{302, 403, 200, 200, 200, 200}),
                arguments("/sharing/agreements", new int[]{302, 403, 200, 200, 200, 200}),
                arguments("/sharing/statistics", new int[]{302, 403, 200, 200, 200, 200}),
                arguments("/privacy/my-data", new int[]{302, 200, 403, 403, 403, 403}),
                arguments("/privacy/my-data.csv", new int[]{302, 200, 403, 403, 403, 403}),
                arguments("/catalogue", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/department/catalogue", new int[]{302, 403, 200, 200, 403, 200}),
                arguments("/department/catalogue/new", new int[]{302, 403, 200, 200, 403, 200}),
                arguments("/department/catalogue/import", new int[]{302, 403, 200, 200, 403, 200}),
                arguments("/department/catalogue/export.csv", new int[]{302, 403, 200, 200, 403, 200}),
                arguments("/data/datasets", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/data/datasets/qinghe-bus-stops", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/data/datasets/qinghe-realtime-bus-api", new int[]{200, 200, 200, 200, 200, 200}),
                // not open: no public page for anyone (its department edits it under /department/datasets)
                arguments("/data/datasets/qinghe-taxi-trips", new int[]{404, 404, 404, 404, 404, 404}),
                arguments("/data/open-list", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/data/open-list.csv", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/data/requests", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/data/requests/new", new int[]{302, 200, 200, 200, 200, 200}),
                arguments("/data/reuses", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/data/reuses/new", new int[]{302, 200, 200, 200, 200, 200}),
                arguments("/data/datasets/qinghe-bus-stops/quality", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/data/datasets/qinghe-realtime-bus-api/apply", new int[]{302, 200, 403, 403, 403, 403}),
                arguments("/data/applications", new int[]{302, 200, 200, 200, 200, 200}),
                arguments("/department/opendata/applications", new int[]{302, 403, 200, 200, 403, 403}),
                arguments("/department/opendata/requests", new int[]{302, 403, 200, 200, 403, 403}),
                arguments("/department/opendata/reuses", new int[]{302, 403, 200, 200, 403, 403}));
    }

    static Stream<Arguments> apis() {
        return Stream.of(
                arguments("/api/v1/organisations", new int[]{200, 200, 200, 200, 200, 200}),
                arguments("/api/v1/me", new int[]{401, 200, 200, 200, 200, 200}),
                arguments("/api/v1/organisations/CW-DEMO/GOV/TRANSPORT/staff", new int[]{401, 403, 200, 200, 200, 200}),
                arguments("/api/v1/organisations/CW-DEMO/GOV/HOUSING/staff", new int[]{401, 403, 403, 403, 200, 200}));
    }

    static Stream<Arguments> actions() {
        return Stream.of(
                arguments("/admin/organisations", Map.of("kind", "ENTERPRISE", "memberCode", "ROLE-TEST-{who}",
                        "nameZh", "测试企业", "nameEn", "Test enterprise", "districtCode", ""),
                        new int[]{302, 403, 403, 403, 403, 302}),
                arguments("/departments/{own}/tokens", Map.of("name", "Permit system"),
                        new int[]{302, 403, 403, 200, 403, 403}),
                arguments("/departments/{other}/tokens", Map.of("name", "Permit system"),
                        new int[]{302, 403, 403, 403, 403, 403}),
                // an empty application: staff get the form back with its problems, others are refused
                arguments("/sharing/apply/QH-TRANSPORT-0001", Map.of("submissionKey", "role-test"),
                        new int[]{302, 403, 400, 400, 403, 403}),
                arguments("/privacy/my-data/id-number", Map.of("idNumber", "not a number"),
                        new int[]{302, 400, 403, 403, 403, 403}));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("pages")
    void pagesAnswerEachRoleAsExpected(String path, int[] expected) {
        for (Who who : Who.values()) {
            HttpResponse<String> response = sessions.get(who).get(resolve(path));
            assertThat(response.statusCode()).as("%s GET %s", who, path).isEqualTo(expected[who.ordinal()]);
        }
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("apis")
    void apisAnswerEachRoleAsExpected(String path, int[] expected) {
        for (Who who : Who.values()) {
            HttpResponse<String> response = sessions.get(who).getJson(path);
            assertThat(response.statusCode()).as("%s GET %s", who, path).isEqualTo(expected[who.ordinal()]);
            if (response.statusCode() >= 400) {
                assertThat(response.body()).as("a problem detail with a code").contains("\"code\":");
            }
        }
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("actions")
    void actionsAreRefusedToRolesThatMayNotTakeThem(String path, Map<String, String> form, int[] expected) {
        for (Who who : Who.values()) {
            Map<String, String> fields = new HashMap<>(form);
            fields.replaceAll((name, value) -> value.replace("{who}", who.name().replace('_', '-')));
            HttpResponse<String> response = sessions.get(who).post(resolve(path), fields);
            assertThat(response.statusCode()).as("%s POST %s", who, path).isEqualTo(expected[who.ordinal()]);
        }
    }

    private String resolve(String path) {
        return path.replace("{own}", transport.toString()).replace("{other}", housing.toString());
    }

    private UUID department(String code) {
        return organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", code)).orElseThrow().id();
    }
}
