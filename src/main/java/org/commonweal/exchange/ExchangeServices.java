package org.commonweal.exchange;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.commonweal.exchange.internal.FieldPath;
import org.commonweal.exchange.internal.GatewayCache;
import org.commonweal.exchange.internal.ResourceDirectory;
import org.commonweal.exchange.internal.ResourceDirectory.SharedResource;
import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.core.type.TypeReference;

/** The service registry: providers register the REST services behind their catalogue resources. */
@Service
public class ExchangeServices {

    /** X-Road reserves these codes for its metaservices. */
    private static final Set<String> RESERVED = Set.of("listClients", "listMethods", "allowedMethods", "getOpenAPI",
            "listCentralServices", "getWsdl");
    private static final int MAX_OPENAPI_BYTES = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, service_id, resource_code, base_url, open_api, field_items, personal, registered_at, retired_at";

    private final JdbcClient jdbc;
    private final ResourceDirectory resources;
    private final Organisations organisations;
    private final Ledger ledger;
    private final GatewayCache cache;
    private final Clock clock;

    ExchangeServices(JdbcClient jdbc, ResourceDirectory resources, Organisations organisations, Ledger ledger,
                     GatewayCache cache, Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.organisations = organisations;
        this.ledger = ledger;
        this.cache = cache;
        this.clock = clock;
    }

    /** Registers a service of the caller's own department (platform administrators may register any). */
    @Transactional
    public RegisteredService register(ServiceRegistration registration, CommonwealUser by) {
        ServiceId serviceId = ServiceId.parse(registration.serviceId().strip());
        requireOwnDepartment(serviceId, by);
        if (RESERVED.contains(serviceId.serviceCode())) {
            throw new CommonwealException(ExchangeErrorCode.SERVICE_ID_INVALID,
                    "'" + serviceId.serviceCode() + "' is reserved for X-Road metaservices; choose another service code");
        }
        SharedResource resource = offeredResource(registration.resourceCode().strip(), serviceId.providerMemberCode());
        String baseUrl = checkedBaseUrl(registration.baseUrl().strip());
        if (registration.openApi().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_OPENAPI_BYTES) {
            throw new CommonwealException(ExchangeErrorCode.OPENAPI_TOO_LARGE, "The OpenAPI description may be at most 1 MB");
        }
        Map<String, String> fieldItems = checkedMapping(registration.fieldItems(), resource);
        boolean personal = fieldItems.values().stream().anyMatch(item -> resource.personalItems().get(item));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO exchange_service (id, service_id, provider_member, resource_code, base_url, open_api,"
                            + " field_items, personal, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")
                    .params(id, serviceId.toString(), serviceId.providerMemberCode(), resource.code(), baseUrl,
                            registration.openApi(), JSON.writeValueAsString(fieldItems), personal, Timestamp.from(now),
                            Actors.of(by.id(), ledger))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new CommonwealException(ExchangeErrorCode.SERVICE_EXISTS, "The service " + serviceId + " is already registered");
        }
        ledger.record(new Evidence("exchange.service_registered", serviceId.toString(), Actors.of(by.id(), ledger),
                Map.of("resource", resource.code(), "items", List.copyOf(new java.util.TreeSet<>(fieldItems.values())))));
        cache.forgetServices();
        return new RegisteredService(id, serviceId, resource.code(), baseUrl, registration.openApi(), fieldItems,
                personal, now, null);
    }

    /** Points a service at a new base URL (the provider's system moved); calls go there from now on. */
    @Transactional
    public RegisteredService moveTo(String serviceId, String baseUrl, CommonwealUser by) {
        RegisteredService service = find(serviceId).filter(RegisteredService::active).orElseThrow(() -> notFound(serviceId));
        requireOwnDepartment(service.serviceId(), by);
        String checked = checkedBaseUrl(baseUrl.strip());
        jdbc.sql("UPDATE exchange_service SET base_url = ?, version = version + 1 WHERE id = ?").params(checked, service.id()).update();
        ledger.record(Evidence.of("exchange.service_moved", service.serviceId().toString(), Actors.of(by.id(), ledger)));
        cache.forgetServices();
        return find(serviceId).orElseThrow();
    }

    /** Takes a service out of the gateway; agreements stay, calls are refused as unknown. */
    @Transactional
    public RegisteredService retire(String serviceId, CommonwealUser by) {
        RegisteredService service = find(serviceId).filter(RegisteredService::active)
                .orElseThrow(() -> notFound(serviceId));
        requireOwnDepartment(service.serviceId(), by);
        Instant now = clock.instant();
        jdbc.sql("UPDATE exchange_service SET retired_at = ?, version = version + 1 WHERE id = ?")
                .params(Timestamp.from(now), service.id()).update();
        ledger.record(Evidence.of("exchange.service_retired", service.serviceId().toString(), Actors.of(by.id(), ledger)));
        cache.forgetServices();
        return new RegisteredService(service.id(), service.serviceId(), service.resourceCode(), service.baseUrl(),
                service.openApi(), service.fieldItems(), service.personal(), service.registeredAt(), now);
    }

    public Optional<RegisteredService> find(String serviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_service WHERE service_id = ?").param(serviceId)
                .query(ExchangeServices::map).optional();
    }

    /** A provider's services, retired ones included, by identifier. */
    public List<RegisteredService> ofProvider(String providerMemberCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_service WHERE provider_member = ? ORDER BY service_id")
                .param(providerMemberCode).query(ExchangeServices::map).list();
    }

    /** Every service in the gateway now, by identifier. */
    public List<RegisteredService> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_service WHERE retired_at IS NULL ORDER BY service_id")
                .query(ExchangeServices::map).list();
    }

    static CommonwealException notFound(String serviceId) {
        return new CommonwealException(ExchangeErrorCode.SERVICE_NOT_FOUND,
                "No service " + ServiceId.abbreviate(serviceId) + " is registered");
    }

    private void requireOwnDepartment(ServiceId serviceId, CommonwealUser by) {
        if (by.has(Role.PLATFORM_ADMIN)) {
            return;
        }
        boolean departmentActor = by.machineClient() || by.has(Role.STAFF) || by.has(Role.DEPARTMENT_ADMIN);
        String own = by.organisationId() == null || !departmentActor ? null
                : organisations.get(by.organisationId()).identifier().memberCode();
        if (!serviceId.providerMemberCode().equals(own)) {
            throw new CommonwealException(ExchangeErrorCode.NOT_YOUR_DEPARTMENT,
                    "You can register and retire services of your own department only, not of " + serviceId.providerMemberCode());
        }
    }

    private SharedResource offeredResource(String resourceCode, String providerMember) {
        SharedResource resource = resources.find(resourceCode).orElseThrow(() -> new CommonwealException(
                ExchangeErrorCode.RESOURCE_NOT_FOUND, "The catalogue has no resource " + ServiceId.abbreviate(resourceCode)));
        if (!resource.providerMember().equals(providerMember)) {
            throw new CommonwealException(ExchangeErrorCode.RESOURCE_NOT_THE_PROVIDERS,
                    "The resource " + resourceCode + " is provided by " + resource.providerMember() + ", not by " + providerMember);
        }
        if (!resource.offeredThroughGateway()) {
            throw new CommonwealException(ExchangeErrorCode.RESOURCE_NOT_OFFERED,
                    "The resource " + resourceCode + " is not shared through the gateway (not shared, or core data)");
        }
        return resource;
    }

    private static String checkedBaseUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                    || text.length() > 2000) {
                throw new IllegalArgumentException();
            }
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new CommonwealException(ExchangeErrorCode.BASE_URL_INVALID,
                    "The base URL must be an http:// or https:// address without query or credentials, like https://permits.example/api");
        }
    }

    private static Map<String, String> checkedMapping(Map<String, String> mapping, SharedResource resource) {
        if (mapping.size() > 1000) {
            throw new CommonwealException(ExchangeErrorCode.FIELD_MAPPING_INVALID, "At most 1000 fields may be mapped");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        mapping.forEach((path, item) -> {
            try {
                FieldPath.parse(path.strip());
            } catch (IllegalArgumentException e) {
                throw new CommonwealException(ExchangeErrorCode.FIELD_MAPPING_INVALID, e.getMessage());
            }
            if (!resource.hasItem(item.strip())) {
                throw new CommonwealException(ExchangeErrorCode.ITEM_NOT_IN_RESOURCE,
                        "The resource " + resource.code() + " has no data item '" + ServiceId.abbreviate(item) + "'");
            }
            checked.put(path.strip(), item.strip());
        });
        return checked;
    }

    private static RegisteredService map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Map<String, String> items = JSON.readValue(rs.getString("field_items"), new TypeReference<Map<String, String>>() {
        });
        return new RegisteredService(rs.getObject("id", UUID.class), ServiceId.parse(rs.getString("service_id")),
                rs.getString("resource_code"), rs.getString("base_url"), rs.getString("open_api"), items,
                rs.getBoolean("personal"), rs.getTimestamp("registered_at").toInstant(), instant(rs.getTimestamp("retired_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
