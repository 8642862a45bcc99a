package org.commonweal.exchange;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Department staff list and register their services on a page that works without scripts. */
@CommonwealIntegrationTest
class ServicePagesIntegrationTest {

    private static final String PAGE = "/department/exchange/services";

    @LocalServerPort
    int port;

    @Autowired
    ExchangeServices services;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void catalogue() {
        ExchangeFixtures.awaitDemoCatalogue(jdbc);
    }

    private Map<String, String> form(String serviceId, String resource, String baseUrl, String mapping) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("serviceId", serviceId);
        form.put("resourceCode", resource);
        form.put("baseUrl", baseUrl);
        form.put("fieldItems", mapping);
        form.put("openApi", "");
        return form;
    }

    @Test
    void staffRegisterAServiceOfTheirDepartment() {
        WebSession staff = WebSession.signedIn(port, "staff.transport", CommonwealIntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> page = staff.get(PAGE + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Exchange services", "value=\"CW-DEMO/GOV/TRANSPORT/\"", "QH-TRANSPORT-0001")
                .doesNotContain("QH-TRANSPORT-0004"); // not shared, core: not offered
        String serviceId = ExchangeFixtures.newVehicleServiceId();
        HttpResponse<String> saved = staff.post(PAGE, form(serviceId, "QH-TRANSPORT-0001", "https://vehicles.example/api",
                "$.plate = plate_number\r\n\r\n$.owner.name = owner_name\r\n"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(PAGE + "?saved"));
        assertThat(services.find(serviceId)).hasValueSatisfying(s -> assertThat(s.fieldItems())
                .isEqualTo(Map.of("$.plate", "plate_number", "$.owner.name", "owner_name")));
        assertThat(staff.get(PAGE).body()).contains(serviceId);
    }

    @Test
    void mistakesComeBackWithTheFormFilledInAndLinkedErrors() {
        WebSession staff = WebSession.signedIn(port, "staff.transport", CommonwealIntegrationTest.DEMO_PASSWORD);
        String serviceId = ExchangeFixtures.newVehicleServiceId();
        HttpResponse<String> noEquals = staff.post(PAGE + "?lang=en", form(serviceId, "QH-TRANSPORT-0001",
                "https://vehicles.example/api", "$.plate plate_number"));
        assertThat(noEquals.statusCode()).isEqualTo(400);
        assertThat(noEquals.body()).contains("href=\"#fieldItems\"", "Line 1 of the field mapping", "$.plate plate_number");
        HttpResponse<String> script = staff.post(PAGE + "?lang=en", form("<script>alert(1)</script>", "QH-TRANSPORT-0001",
                "javascript:alert(1)", ""));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("href=\"#serviceId\"").doesNotContain("<script>alert(1)</script>");
        HttpResponse<String> otherDepartment = staff.post(PAGE + "?lang=en", form("CW-DEMO/GOV/HOUSING/permits/presale",
                "QH-HOUSING-0001", "https://housing.example", ""));
        assertThat(otherDepartment.statusCode()).isEqualTo(400);
        assertThat(otherDepartment.body()).contains("href=\"#serviceId\"");
        assertThat(services.find(serviceId)).isEmpty();
    }

    @Test
    void citizensCannotReachThePage() {
        WebSession citizen = WebSession.signedIn(port, "citizen.liu", CommonwealIntegrationTest.DEMO_PASSWORD);
        assertThat(citizen.get(PAGE).statusCode()).isEqualTo(403);
    }
}
