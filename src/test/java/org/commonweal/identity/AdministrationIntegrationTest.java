package org.commonweal.identity;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform administrator manages organisations, accounts and roles in pages; every bad input
 * gets a message beside its field, and nothing half-written is stored.
 */
@CommonwealIntegrationTest
@Import(AdministrationIntegrationTest.RoleChanges.class)
class AdministrationIntegrationTest {

    /** Listens as another module would, to check the event carries what evidence needs. */
    static class RoleChanges {
        private final java.util.List<AccountRolesChanged> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.context.event.EventListener
        void on(AccountRolesChanged event) {
            seen.add(event);
        }

        java.util.List<AccountRolesChanged> seen() {
            return seen;
        }
    }

    @Autowired
    RoleChanges roleChanges;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    private WebSession admin;

    @BeforeEach
    void signIn() {
        admin = WebSession.signedIn(port, CommonwealIntegrationTest.ADMIN, CommonwealIntegrationTest.ADMIN_PASSWORD);
    }

    @Nested
    class RegisteringOrganisations {

        @Test
        void registersAnOrganisationWithItsIdentifier() {
            HttpResponse<String> response = admin.post("/admin/organisations", organisation("GREEN-FUND", "绿色基金会", "Green Fund"));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(organisations.find(OrganisationIdentifier.parse("CW-DEMO/ORG/GREEN-FUND"))).hasValueSatisfying(o -> {
                assertThat(o.kind()).isEqualTo(OrganisationKind.SOCIAL_ORGANISATION);
                assertThat(o.nameEn()).isEqualTo("Green Fund");
            });
            assertThat(admin.get(response.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""))
                    .body()).contains("CW-DEMO/ORG/GREEN-FUND").contains("绿色基金会");
        }

        @Test
        void refusesADuplicateIdentifierBesideTheField() {
            HttpResponse<String> response = admin.post("/admin/organisations", organisation("SENIORS", "重复", "Duplicate"));
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("id=\"memberCode-error\"").contains("CW-DEMO/ORG/SENIORS");
        }

        @Test
        void refusesHostileAndMalformedInputBesideEachField() {
            Map<String, String> form = organisation("../../etc/passwd", "<script>alert(1)</script>", "x".repeat(101));
            form.put("kind", "NOT_A_KIND");
            form.put("districtCode", "'; DROP TABLE identity_account; --");
            HttpResponse<String> response = admin.post("/admin/organisations", form);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("id=\"kind-error\"", "id=\"memberCode-error\"", "id=\"nameZh-error\"",
                    "id=\"nameEn-error\"", "id=\"districtCode-error\"").doesNotContain("<script>alert(1)</script>");
            assertThat(jdbc.sql("SELECT count(*) FROM identity_account").query(Integer.class).single()).isPositive();
        }

        @Test
        void keepsSqlLookingTextAsPlainText() {
            Map<String, String> form = organisation("QUOTE-CO", "引号公司", "O'Brien & Sons'); DELETE FROM identity_organisation; --");
            form.put("kind", "ENTERPRISE");
            assertThat(admin.post("/admin/organisations", form).statusCode()).isEqualTo(302);
            assertThat(organisations.find(OrganisationIdentifier.parse("CW-DEMO/COM/QUOTE-CO")).orElseThrow().nameEn())
                    .isEqualTo("O'Brien & Sons'); DELETE FROM identity_organisation; --");
            assertThat(organisations.all()).hasSizeGreaterThan(10);
        }
    }

    @Nested
    class OpeningAccounts {

        @Test
        void opensAStaffAccountAndShowsItsFirstPasswordOnce() {
            UUID housing = department("HOUSING");
            HttpResponse<String> response = admin.post("/admin/accounts", Map.of("username", "new.staff",
                    "displayName", "新同事", "organisationId", housing.toString(), "roles", "STAFF"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("class=\"secret\"");
            String password = response.body().replaceAll("(?s).*<code class=\"secret\">([^<]+)</code>.*", "$1");
            assertThat(WebSession.signedIn(port, "new.staff", password).get("/department").statusCode()).isEqualTo(302);
            assertThat(admin.get("/admin/accounts/" + accounts.findByUsername("new.staff").orElseThrow().id())
                    .body()).doesNotContain(password);
        }

        @Test
        void refusesBadFieldsEachWithItsMessage() {
            HttpResponse<String> response = admin.post("/admin/accounts", Map.of("username", "Bad Name!",
                    "displayName", "<b>bold</b>", "organisationId", "not-a-uuid"));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("id=\"username-error\"", "id=\"displayName-error\"",
                    "id=\"organisationId-error\"", "id=\"roles-error\"");
            assertThat(accounts.findByUsername("Bad Name!")).isEmpty();
        }

        @Test
        void refusesStaffWithoutADepartment() {
            HttpResponse<String> response = admin.post("/admin/accounts", Map.of("username", "lonely.staff",
                    "displayName", "孤单", "organisationId", "", "roles", "STAFF"));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("必须属于一个政府部门");
            assertThat(accounts.findByUsername("lonely.staff")).isEmpty();
        }

        @Test
        void refusesATakenUsernameWhateverItsCase() {
            HttpResponse<String> response = admin.post("/admin/accounts", Map.of("username", "citizen.liu",
                    "displayName", "重名", "roles", "CITIZEN"));
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("id=\"username-error\"");
        }
    }

    @Nested
    class ChangingRoles {

        @Test
        void changesRolesAndRecordsTheChangeAsAnEvent() {
            Account citizen = accounts.create("promote.me", "升职", "password-123456", null,
                    java.util.Set.of(Role.CITIZEN), Accounts.SYSTEM);
            int version = accounts.get(citizen.id()).version();
            HttpResponse<String> response = admin.post("/admin/accounts/" + citizen.id(), access(version, "AUDITOR", ""));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(accounts.get(citizen.id()).account().roles()).containsExactly(Role.AUDITOR);
            assertThat(roleChanges.seen()).anySatisfy(change -> {
                assertThat(change.accountId()).isEqualTo(citizen.id());
                assertThat(change.before()).containsExactly(Role.CITIZEN);
                assertThat(change.after()).containsExactly(Role.AUDITOR);
                assertThat(change.actorId()).isEqualTo(accounts.findByUsername("admin").orElseThrow().id());
            });
        }

        @Test
        void aSecondAdministratorWithAStalePageCannotOverwriteTheFirst() {
            Account target = accounts.create("contested", "争议", "password-123456", null,
                    java.util.Set.of(Role.CITIZEN), Accounts.SYSTEM);
            int seenByBoth = accounts.get(target.id()).version();
            assertThat(admin.post("/admin/accounts/" + target.id(), access(seenByBoth, "AUDITOR", "")).statusCode()).isEqualTo(302);
            HttpResponse<String> stale = admin.post("/admin/accounts/" + target.id(), access(seenByBoth, "CITIZEN", ""));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("其他人刚刚修改了这个账号");
            assertThat(accounts.get(target.id()).account().roles()).containsExactly(Role.AUDITOR);
        }

        @Test
        void theLastPlatformAdministratorCannotBeRemoved() {
            Account self = accounts.findByUsername(CommonwealIntegrationTest.ADMIN).orElseThrow();
            int version = accounts.get(self.id()).version();
            HttpResponse<String> response = admin.post("/admin/accounts/" + self.id(), access(version, "CITIZEN", ""));
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(accounts.get(self.id()).account().roles()).contains(Role.PLATFORM_ADMIN);
        }

        @Test
        void aTamperedVersionIsAClientError() {
            Account self = accounts.findByUsername("citizen.zhao").orElseThrow();
            Map<String, String> form = access(0, "CITIZEN", "");
            form.put("version", "zero; DROP");
            assertThat(admin.post("/admin/accounts/" + self.id(), form).statusCode()).isEqualTo(400);
        }
    }

    private Map<String, String> organisation(String code, String nameZh, String nameEn) {
        Map<String, String> form = new HashMap<>();
        form.put("kind", "SOCIAL_ORGANISATION");
        form.put("memberCode", code);
        form.put("nameZh", nameZh);
        form.put("nameEn", nameEn);
        form.put("districtCode", "");
        return form;
    }

    private static Map<String, String> access(int version, String role, String organisationId) {
        Map<String, String> form = new HashMap<>();
        form.put("version", Integer.toString(version));
        form.put("roles", role);
        form.put("organisationId", organisationId);
        form.put("enabled", "true");
        form.put("_enabled", "on");
        return form;
    }

    private UUID department(String code) {
        return organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", code)).orElseThrow().id();
    }
}
