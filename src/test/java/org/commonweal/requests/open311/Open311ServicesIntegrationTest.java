package org.commonweal.requests.open311;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery, the service list and service definitions, in JSON and XML, as the spec shows them. */
@CommonwealIntegrationTest
class Open311ServicesIntegrationTest extends Open311TestSupport {

    @Nested
    class Discovery {

        @Test
        void pointsToTheGeoReportEndpointInJson() {
            HttpResponse<String> response = open311.get("/open311/v2/discovery.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(Format.JSON.mediaType().toString());
            JsonNode discovery = json(response);
            assertThat(discovery.get("changeset").asString()).isNotBlank();
            assertThat(discovery.get("contact").asString()).isNotBlank();
            assertThat(discovery.get("key_service").asString()).isNotBlank();
            JsonNode endpoint = discovery.get("endpoints").get(0);
            assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
            assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
            assertThat(endpoint.get("type").asString()).isEqualTo("production");
            assertThat(endpoint.get("formats").valueStream().map(JsonNode::asString)).containsExactly("text/xml", "application/json");
        }

        @Test
        void pointsToTheGeoReportEndpointInXml() {
            HttpResponse<String> response = open311.get("/open311/v2/discovery.xml");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(Format.XML.mediaType().toString());
            assertThat(XmlShape.of(response.body())).contains("discovery/changeset", "discovery/contact",
                    "discovery/key_service", "discovery/endpoints/endpoint/specification", "discovery/endpoints/endpoint/url",
                    "discovery/endpoints/endpoint/changeset", "discovery/endpoints/endpoint/type",
                    "discovery/endpoints/endpoint/formats/format");
        }

        @Test
        void isDescribedInTheOpenApiDocument() {
            String openApi = open311.get("/v3/api-docs").body();
            assertThat(openApi).contains("/open311/v2/requests.{format}", "/open311/v2/services/{serviceCode}.{format}",
                    "/open311/v2/servicerequestupdates.{format}", "Open311 create request");
            // Open311 clients send an api_key parameter, not the bearer token the platform's own APIs take
            JsonNode post = JSON.readTree(openApi).get("paths").get("/open311/v2/requests.{format}").get("post");
            assertThat(post.get("security")).isEmpty();
        }
    }

    @Nested
    class ServiceList {

        @Test
        void conformsToTheServicesSchema() {
            HttpResponse<String> response = open311.get("/open311/v2/services.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JsonSchemas.violations("services.json", response.body())).isEmpty();
            JsonNode streetlight = service(json(response), "streetlight");
            assertThat(streetlight.get("metadata").asBoolean()).isTrue();
            assertThat(streetlight.get("type").asString()).isEqualTo("realtime");
            assertThat(streetlight.get("keywords").asString()).contains(", ").contains("lamp");
            assertThat(streetlight.get("group").asString()).isEqualTo("urban");
            assertThat(service(json(response), "pollution").get("metadata").asBoolean()).isFalse();
        }

        @Test
        void isCheckedBySchemasThatDoCatchMistakes() {
            assertThat(JsonSchemas.violations("services.json", "[{\"service_code\":1,\"service_name\":\"x\"}]"))
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(JsonSchemas.violations("requests.json", "[{\"service_request_id\":\"A\",\"status\":\"open\","
                    + "\"service_code\":\"x\",\"requested_datetime\":\"yesterday\"}]")).hasSize(1);
        }

        @Test
        void hasTheShapeOfTheSpecExampleInXml() {
            HttpResponse<String> response = open311.get("/open311/v2/services.xml");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(XmlShape.of(Reference.specExample("service-list.xml"))).containsAll(XmlShape.of(response.body()));
            assertThat(XmlShape.of(response.body())).contains("services/service/service_code",
                    "services/service/service_name", "services/service/metadata", "services/service/type",
                    "services/service/keywords", "services/service/group");
        }

        @Test
        void namesServicesInEnglishOnlyWhenTheClientPrefersEnglish() {
            assertThat(nameOfStreetlight("en-GB,en;q=0.9")).isEqualTo("Street light out");
            assertThat(nameOfStreetlight("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo("路灯不亮");
            assertThat(nameOfStreetlight("en;q=0.2, zh;q=0.9")).isEqualTo("路灯不亮");
            assertThat(nameOfStreetlight("fr-FR")).isEqualTo("路灯不亮");
            assertThat(nameOfStreetlight(";;;q=x")).isEqualTo("路灯不亮");
            assertThat(service(json(open311.get("/open311/v2/services.json")), "streetlight").get("service_name").asString())
                    .isEqualTo("路灯不亮");
        }

        @Test
        void answersOnlyForItsOwnJurisdiction() {
            assertThat(open311.get("/open311/v2/services.json?jurisdiction_id=qinghe.gov.cn").statusCode()).isEqualTo(200);
            assertError(open311.get("/open311/v2/services.json?jurisdiction_id=elsewhere.gov"), 404, Format.JSON);
            assertError(open311.get("/open311/v2/services.xml?jurisdiction_id=elsewhere.gov"), 404, Format.XML);
        }

        private String nameOfStreetlight(String acceptLanguage) {
            HttpResponse<String> response = open311.get("/open311/v2/services.json", "Accept-Language", acceptLanguage);
            assertThat(response.headers().allValues("Vary")).anyMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-language"));
            return service(json(response), "streetlight").get("service_name").asString();
        }
    }

    @Nested
    class ServiceDefinition {

        @Test
        void describesEveryDatatypeAndConformsToTheSchema() {
            Set<String> datatypes = new HashSet<>();
            for (String code : List.of("streetlight", "road-damage", "bus-service", "noise")) {
                HttpResponse<String> response = open311.get("/open311/v2/services/" + code + ".json", "Accept-Language", "en");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(JsonSchemas.violations("service-definition.json", response.body())).isEmpty();
                json(response).get("attributes").forEach(attribute -> datatypes.add(attribute.get("datatype").asString()));
            }
            assertThat(datatypes).containsExactlyInAnyOrder("string", "number", "datetime", "text", "singlevaluelist",
                    "multivaluelist");
        }

        @Test
        void listsTheChoicesOfAListInOrder() {
            JsonNode definition = json(open311.get("/open311/v2/services/streetlight.json", "Accept-Language", "en"));
            assertThat(definition.get("service_code").asString()).isEqualTo("streetlight");
            JsonNode lampState = definition.get("attributes").get(0);
            assertThat(lampState.get("variable").asBoolean()).isTrue();
            assertThat(lampState.get("code").asString()).isEqualTo("lamp_state");
            assertThat(lampState.get("required").asBoolean()).isTrue();
            assertThat(lampState.get("order").asInt()).isEqualTo(1);
            assertThat(lampState.get("description").asString()).isEqualTo("What is the lamp doing?");
            assertThat(lampState.get("values").get(0).get("key").asString()).isEqualTo("off");
            assertThat(lampState.get("values").get(0).get("name").asString()).isEqualTo("Off at night");
            assertThat(definition.get("attributes").get(1).get("order").asInt()).isEqualTo(2);
        }

        @Test
        void hasExactlyTheShapeOfTheSpecExampleInXml() {
            HttpResponse<String> response = open311.get("/open311/v2/services/streetlight.xml");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(XmlShape.of(response.body())).isEqualTo(XmlShape.of(Reference.specExample("service-definition.xml")));
        }

        @Test
        void hasTheFieldsOfTheSpecExampleInJson() {
            JsonNode spec = JSON.readTree(Reference.specExample("service-definition.json"));
            JsonNode ours = json(open311.get("/open311/v2/services/streetlight.json"));
            assertThat(ours.propertyNames()).containsExactlyElementsOf(spec.propertyNames());
            assertThat(ours.get("attributes").get(0).propertyNames())
                    .containsExactlyElementsOf(spec.get("attributes").get(0).propertyNames());
        }

        @Test
        void answersAnUnknownServiceCodeWithNotFound() {
            assertError(open311.get("/open311/v2/services/no-such-service.json"), 404, Format.JSON);
            assertError(open311.get("/open311/v2/services/no-such-service.xml"), 404, Format.XML);
        }
    }

    private static JsonNode service(JsonNode services, String code) {
        return services.valueStream().filter(service -> service.get("service_code").asString().equals(code))
                .findFirst().orElseThrow();
    }
}
