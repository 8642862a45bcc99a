package org.commonweal.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo city works out of the box: the transport bureau's system behind the gateway, and DATA may look vehicles up. */
@CommonwealIntegrationTest
class DemoExchangeIntegrationTest {

    private static final String SERVICE = "CW-DEMO/GOV/TRANSPORT/vehicles/vehicle-registrations";

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext application;

    @Autowired
    ExchangeServices services;

    @Autowired
    Agreements agreements;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Test
    void theDataAdministrationLooksUpAVehicleAndSeesOnlyWhatItsAgreementAllows() throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> services.find(SERVICE).isPresent() && !agreements.ofConsumer("DATA").isEmpty());
        org.commonweal.exchange.internal.DemoSystemHere.pointTheDemoServiceAt(application);
        Agreement agreement = agreements.ofConsumer("DATA").getFirst();
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(agreement.terms().dataItems()).doesNotContain("owner_id_number");

        UUID data = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", "DATA")).orElseThrow().id();
        String token = tokens.issue(data, "service hall", accounts.findByUsername("admin.data").orElseThrow().id()).secret();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/r1/" + SERVICE + "/" + URLEncoder.encode("清A12345", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .header("X-Road-Client", "CW-DEMO/GOV/DATA/service-hall")
                .header("X-Road-UserId", "110101199003077777").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"plate\":\"清A12345\"", "\"owner\":{\"name\":")
                .doesNotContain("idNumber", "110101199003077777", "phone", "internalNote", "registeredOn");
    }
}
