package org.commonweal.exchange.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.RegisteredService;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The X-Road service metadata protocol for REST (the GovStack Information Mediator directory):
 * {@code listClients}, {@code listMethods}, {@code allowedMethods} and {@code getOpenAPI}, in the
 * JSON shapes that protocol gives.
 */
@Component
class MetaServices {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Organisations organisations;
    private final AccessRules access;

    MetaServices(Organisations organisations, AccessRules access) {
        this.organisations = organisations;
        this.access = access;
    }

    /** Every member of the instance and every subsystem that offers services, as {@code {"member":[...]}}. */
    byte[] listClients(@Nullable String instance, List<RegisteredService> services) {
        List<Map<String, Object>> members = new ArrayList<>();
        Map<String, String> names = new TreeMap<>();
        for (Organisation organisation : organisations.all()) {
            OrganisationIdentifier id = organisation.identifier();
            if (instance == null || instance.equals(id.instance())) {
                names.put(id.toString(), organisation.nameZh());
                members.add(Map.of("id", identifier(id, "MEMBER"), "name", organisation.nameZh()));
            }
        }
        services.stream().map(s -> s.serviceId().provider()).distinct()
                .filter(subsystem -> instance == null || instance.equals(subsystem.instance()))
                .forEach(subsystem -> members.add(Map.of("id", identifier(subsystem, "SUBSYSTEM"),
                        "name", names.getOrDefault(subsystem.member().toString(), subsystem.memberCode()))));
        return JSON.writeValueAsBytes(Map.of("member", members));
    }

    /** The services of a provider subsystem; with a client, only those it has a live agreement for. */
    byte[] listMethods(OrganisationIdentifier provider, @Nullable OrganisationIdentifier allowedFor, LocalDate today) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (RegisteredService service : access.servicesOf(provider)) {
            if (allowedFor != null && !mayCall(allowedFor, service, today)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>(identifier(provider, "SERVICE"));
            entry.put("service_code", service.serviceId().serviceCode());
            entry.put("service_type", service.openApi().isBlank() ? "REST" : "OPENAPI");
            entry.put("endpoint_list", endpoints(service.openApi()));
            services.add(entry);
        }
        return JSON.writeValueAsBytes(Map.of("service", services));
    }

    /** The service's OpenAPI description as its provider registered it. */
    RegisteredService openApiOf(OrganisationIdentifier provider, @Nullable String serviceCode) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new GatewayRefusal(ExchangeErrorCode.BAD_IDENTIFIER, "getOpenAPI needs the parameter serviceCode");
        }
        return access.servicesOf(provider).stream().filter(s -> s.serviceId().serviceCode().equals(serviceCode))
                .filter(s -> !s.openApi().isBlank()).findFirst()
                .orElseThrow(() -> new GatewayRefusal(ExchangeErrorCode.UNKNOWN_SERVICE,
                        "No OpenAPI description for service " + CallDraft.clip(serviceCode) + " of " + provider));
    }

    private boolean mayCall(OrganisationIdentifier client, RegisteredService service, LocalDate today) {
        try {
            access.agreementFor(client, service.serviceId().toString(), today);
            return true;
        } catch (GatewayRefusal refused) {
            return false;
        }
    }

    private static List<Map<String, String>> endpoints(String openApi) {
        List<Map<String, String>> endpoints = new ArrayList<>();
        if (openApi.stripLeading().startsWith("{")) {
            try {
                JsonNode paths = JSON.readTree(openApi).path("paths");
                for (Map.Entry<String, JsonNode> path : paths.properties()) {
                    for (String method : path.getValue().propertyNames()) {
                        if (HTTP_METHODS.contains(method)) {
                            endpoints.add(Map.of("method", method.toUpperCase(java.util.Locale.ROOT), "path", path.getKey()));
                        }
                    }
                }
            } catch (RuntimeException unreadable) {
                endpoints.clear();
            }
        }
        if (endpoints.isEmpty()) {
            endpoints.add(Map.of("method", "*", "path", "**"));
        }
        return endpoints;
    }

    private static Map<String, Object> identifier(OrganisationIdentifier id, String objectType) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object_type", objectType);
        json.put("xroad_instance", id.instance());
        json.put("member_class", id.memberClass());
        json.put("member_code", id.memberCode());
        if (id.subsystem() != null) {
            json.put("subsystem_code", id.subsystem());
        }
        return json;
    }
}
