package org.commonweal.exchange.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commonweal.exchange.Agreement;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.CallInclusionProof;
import org.commonweal.exchange.CallRecord;
import org.commonweal.exchange.CallRecords;
import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.ExchangeServices;
import org.commonweal.exchange.RegisteredService;
import org.commonweal.exchange.ServiceRegistration;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exchange's JSON API for departments' systems and staff: their services, their agreements, call proofs. */
@RestController
@RequestMapping(path = "/api/v1/exchange", produces = "application/json")
@Tag(name = "Exchange", description = "Services behind the exchange gateway, sharing agreements and call records")
class ExchangeApiController {

    record ServiceView(String serviceId, String resourceCode, String baseUrl, Map<String, String> fieldItems,
                       boolean personal, String registeredAt, @Nullable String retiredAt) {
        static ServiceView of(RegisteredService s) {
            return new ServiceView(s.serviceId().toString(), s.resourceCode(), s.baseUrl(), s.fieldItems(), s.personal(),
                    s.registeredAt().toString(), s.retiredAt() == null ? null : s.retiredAt().toString());
        }
    }

    record RegistrationRequest(@Nullable String serviceId, @Nullable String resourceCode, @Nullable String baseUrl,
                               @Nullable String openApi, @Nullable Map<String, String> fieldItems) {
    }

    record AgreementView(UUID id, String consumer, String serviceId, String resourceCode, String purpose, String legalBasis,
                         Set<String> dataItems, LocalDate validUntil, int callsPerMinute, int trackerDelayDays,
                         String status, @Nullable String statusReason, String grantedAt) {
        static AgreementView of(Agreement a) {
            return new AgreementView(a.id(), a.terms().consumer(), a.terms().serviceId(), a.terms().resourceCode(),
                    a.terms().purpose(), a.terms().legalBasis(), a.terms().dataItems(), a.terms().validUntil(),
                    a.terms().callsPerMinute(), a.terms().trackerDelayDays(), a.status().name(), a.statusReason(),
                    a.grantedAt().toString());
        }
    }

    private final ExchangeServices services;
    private final Agreements agreements;
    private final CallRecords calls;
    private final Organisations organisations;

    ExchangeApiController(ExchangeServices services, Agreements agreements, CallRecords calls, Organisations organisations) {
        this.services = services;
        this.agreements = agreements;
        this.calls = calls;
        this.organisations = organisations;
    }

    @GetMapping("/services")
    @Operation(summary = "The caller's department's services (auditors and the platform administrator: every active service)")
    List<ServiceView> services(CommonwealUser caller) {
        List<RegisteredService> found = seesEverything(caller) ? services.active() : services.ofProvider(department(caller));
        return found.stream().map(ServiceView::of).toList();
    }

    @PostMapping(path = "/services", consumes = "application/json")
    @Operation(summary = "Register a REST service of the caller's department behind the gateway, mapping response fields to data items")
    ResponseEntity<ServiceView> register(CommonwealUser caller, @RequestBody RegistrationRequest request) {
        if (request.serviceId() == null || request.resourceCode() == null || request.baseUrl() == null) {
            throw new CommonwealException(ExchangeErrorCode.SERVICE_ID_INVALID,
                    "Give serviceId (INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE), resourceCode and baseUrl");
        }
        RegisteredService service = services.register(new ServiceRegistration(request.serviceId(), request.resourceCode(),
                request.baseUrl(), Optional.ofNullable(request.openApi()).orElse(""),
                Optional.ofNullable(request.fieldItems()).orElse(Map.of())), caller);
        return ResponseEntity.created(URI.create("/api/v1/exchange/services/" + service.serviceId())).body(ServiceView.of(service));
    }

    @GetMapping("/services/{instance}/{memberClass}/{member}/{subsystem}/{service}")
    @Operation(summary = "One service by its X-Road identifier")
    ServiceView service(CommonwealUser caller, @PathVariable String instance, @PathVariable String memberClass,
                        @PathVariable String member, @PathVariable String subsystem, @PathVariable String service) {
        String id = String.join("/", instance, memberClass, member, subsystem, service);
        RegisteredService found = services.find(id).orElseThrow(() -> notFound(id));
        if (!seesEverything(caller) && !found.serviceId().providerMemberCode().equals(department(caller))) {
            throw notFound(id);
        }
        return ServiceView.of(found);
    }

    @DeleteMapping("/services/{instance}/{memberClass}/{member}/{subsystem}/{service}")
    @Operation(summary = "Retire a service of the caller's department: the gateway stops forwarding to it")
    ServiceView retire(CommonwealUser caller, @PathVariable String instance, @PathVariable String memberClass,
                       @PathVariable String member, @PathVariable String subsystem, @PathVariable String service) {
        return ServiceView.of(services.retire(String.join("/", instance, memberClass, member, subsystem, service), caller));
    }

    @GetMapping("/agreements")
    @Operation(summary = "Agreements where the caller's department is consumer or provider, newest first")
    List<AgreementView> agreements(CommonwealUser caller) {
        String department = department(caller);
        return java.util.stream.Stream.concat(agreements.ofConsumer(department).stream(), agreements.ofProvider(department).stream())
                .distinct().map(AgreementView::of).toList();
    }

    @GetMapping("/calls/{id}")
    @Operation(summary = "One call record of the caller's department (as consumer or provider), without any body")
    CallRecord call(CommonwealUser caller, @PathVariable UUID id) {
        return calls.find(id).filter(call -> involves(caller, call)).orElseThrow(() -> callNotFound(id));
    }

    @GetMapping("/calls/{id}/proof")
    @Operation(summary = "Proof that a call record is in the batch whose Merkle root the ledger published (exchange-batch/<id>)")
    CallInclusionProof proof(CommonwealUser caller, @PathVariable UUID id) {
        call(caller, id);
        return calls.inclusionProof(id).orElseThrow(() -> callNotFound(id));
    }

    private boolean involves(CommonwealUser caller, CallRecord call) {
        if (seesEverything(caller)) {
            return true;
        }
        String department = department(caller);
        String[] client = call.client().split("/");
        String[] service = call.serviceId().split("/");
        return (client.length > 2 && client[2].equals(department)) || (service.length > 2 && service[2].equals(department));
    }

    private static boolean seesEverything(CommonwealUser caller) {
        return caller.has(Role.AUDITOR) || caller.has(Role.PLATFORM_ADMIN);
    }

    private String department(CommonwealUser caller) {
        if (caller.organisationId() == null) {
            throw new CommonwealException(ExchangeErrorCode.NOT_YOUR_DEPARTMENT, "Only a department's staff and systems use this");
        }
        return organisations.get(caller.organisationId()).identifier().memberCode();
    }

    private static CommonwealException notFound(String serviceId) {
        return new CommonwealException(ExchangeErrorCode.SERVICE_NOT_FOUND, "No service " + serviceId + " is registered");
    }

    private static CommonwealException callNotFound(UUID id) {
        return new CommonwealException(ExchangeErrorCode.CALL_NOT_FOUND, "Your department has no call " + id);
    }
}
