package org.commonweal.requests.open311;

import java.net.http.HttpResponse;
import java.util.List;

import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever goes wrong under /open311/, the answer is the spec's error body, never a stack trace or a 500. */
@CommonwealIntegrationTest
class Open311ErrorsIntegrationTest extends Open311TestSupport {

    @Test
    void answersUnknownAddressesWithNotFound() {
        assertError(open311.get("/open311/v2/nothing-here.json"), 404, Format.JSON);
        assertError(open311.get("/open311/v2/nothing-here.xml"), 404, Format.XML);
        assertError(open311.get("/open311/v3/services.json"), 404, Format.JSON);
        assertError(open311.get("/open311/v2/services"), 404, Format.JSON);
    }

    @Test
    void answersAnUnknownFormatWithNotFound() {
        assertError(open311.get("/open311/v2/services.yaml"), 404, Format.JSON);
        assertError(open311.get("/open311/v2/requests/ZZZZZ-ZZZZZ.html"), 404, Format.JSON);
        assertError(open311.get("/open311/v2/discovery.txt"), 404, Format.JSON);
    }

    @Test
    void answersAWrongMethodWithMethodNotAllowed() {
        HttpResponse<String> response = open311.send("DELETE", "/open311/v2/requests.json");
        assertError(response, 405, Format.JSON);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
        assertError(open311.send("PUT", "/open311/v2/services.xml"), 405, Format.XML);
    }

    @Test
    void answersAnOversizedFormWithAnErrorBody() {
        assertError(open311.post("/open311/v2/requests.json", roadDamage("description", "x".repeat(2_000_000))), 413,
                Format.JSON);
    }

    @Test
    void answersAnOversizedUploadWithAnErrorBody() {
        HttpResponse<String> response = open311.postMultipart("/open311/v2/requests.json", roadDamage(), new byte[21 * 1024 * 1024]);
        assertError(response, 413, Format.JSON);
    }

    @Test
    void answersAMalformedMultipartBodyWithAnErrorBody() {
        HttpResponse<String> response = open311.postBody("/open311/v2/requests.json?api_key=" + housingKey,
                "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nnoi");
        assertError(response, response.statusCode(), Format.JSON);
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void leavesTheRestOfTheApplicationsErrorsAlone() {
        HttpResponse<String> api = open311.get("/api/v1/nothing-here", "Accept", "application/json");
        assertThat(api.body()).contains("\"code\"").doesNotStartWith("[");
        assertThat(open311.get("/open311-elsewhere/services.json", "Accept", "application/json").body()).doesNotStartWith("[");
    }

    @Test
    void neverAnswersWithAServerErrorForMalformedParameters() {
        for (String query : List.of("lat=%FF%FE", "start_date=%00", "page=%2B1", "status=%E4%B8%AD", "service_code=" + "a,".repeat(2000),
                "service_request_id=" + "A".repeat(6000), "jurisdiction_id=" + "j".repeat(3000))) {
            HttpResponse<String> response = open311.get("/open311/v2/requests.json?" + query);
            assertThat(response.statusCode()).as(query).isLessThan(500);
            assertThat(response.body()).doesNotContain("Exception");
        }
    }
}
