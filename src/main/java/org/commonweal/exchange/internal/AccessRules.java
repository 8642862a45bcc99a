package org.commonweal.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.commonweal.exchange.Agreement;
import org.commonweal.exchange.AgreementStatus;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.ExchangeServices;
import org.commonweal.exchange.RegisteredService;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.springframework.stereotype.Component;

/**
 * Who is calling and what they may call: the API token's organisation, the registered services
 * and the live agreement for a client and a service, all read through the gateway cache.
 */
@Component
class AccessRules {

    private final ApiTokens tokens;
    private final Organisations organisations;
    private final ExchangeServices services;
    private final Agreements agreements;
    private final GatewayCache cache;

    AccessRules(ApiTokens tokens, Organisations organisations, ExchangeServices services, Agreements agreements,
                GatewayCache cache) {
        this.tokens = tokens;
        this.organisations = organisations;
        this.services = services;
        this.agreements = agreements;
        this.cache = cache;
    }

    /** The organisation (member) a bearer token belongs to; empty for a missing, unknown or revoked token. */
    Optional<OrganisationIdentifier> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() > 200) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        String key = "token:" + HexFormat.of().formatHex(MerkleTree.sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
        return cache.get(key, () -> tokens.authenticate(token)
                .flatMap(client -> Optional.ofNullable(client.organisationId()))
                .flatMap(organisations::find)
                .map(organisation -> organisation.identifier().member()));
    }

    Optional<RegisteredService> service(String serviceId) {
        return Optional.ofNullable(activeServices().get(serviceId));
    }

    /** The active services of one provider subsystem, by identifier. */
    List<RegisteredService> servicesOf(OrganisationIdentifier subsystem) {
        return activeServices().values().stream().filter(s -> s.serviceId().provider().equals(subsystem))
                .sorted(java.util.Comparator.comparing(s -> s.serviceId().toString())).toList();
    }

    List<RegisteredService> allServices() {
        return activeServices().values().stream().sorted(java.util.Comparator.comparing(s -> s.serviceId().toString())).toList();
    }

    private Map<String, RegisteredService> activeServices() {
        return cache.get("service:all", () -> services.active().stream()
                .collect(Collectors.toUnmodifiableMap(s -> s.serviceId().toString(), Function.identity())));
    }

    /**
     * The live agreement that lets this client call this service today, or the refusal that says
     * why not: the most hopeful status wins the explanation (suspended before expired before revoked).
     */
    Agreement agreementFor(OrganisationIdentifier client, String serviceId, LocalDate today) {
        List<Agreement> candidates = cache.<List<Agreement>>get("agreement:" + client.memberCode() + "|" + serviceId,
                        () -> agreements.between(client.memberCode(), serviceId))
                .stream().filter(a -> covers(a, client)).toList();
        Optional<Agreement> live = candidates.stream().filter(a -> a.liveOn(today)).findFirst();
        if (live.isPresent()) {
            return live.get();
        }
        if (candidates.stream().anyMatch(a -> a.status() == AgreementStatus.SUSPENDED)) {
            throw new GatewayRefusal(ExchangeErrorCode.AGREEMENT_SUSPENDED,
                    "The agreement for " + serviceId + " is suspended; ask the provider why");
        }
        if (candidates.stream().anyMatch(a -> a.status() == AgreementStatus.EXPIRED || a.status() == AgreementStatus.ACTIVE)) {
            throw new GatewayRefusal(ExchangeErrorCode.AGREEMENT_EXPIRED,
                    "The agreement for " + serviceId + " has expired; apply for a new one");
        }
        if (candidates.stream().anyMatch(a -> a.status() == AgreementStatus.REVOKED)) {
            throw new GatewayRefusal(ExchangeErrorCode.AGREEMENT_REVOKED, "The agreement for " + serviceId + " was revoked");
        }
        throw new GatewayRefusal(ExchangeErrorCode.NO_AGREEMENT,
                client + " has no sharing agreement for " + serviceId + "; apply for one through the data catalogue");
    }

    /** An agreement for a member covers all its subsystems; one for a subsystem covers only that one. */
    private static boolean covers(Agreement agreement, OrganisationIdentifier client) {
        OrganisationIdentifier consumer = OrganisationIdentifier.parse(agreement.terms().consumer());
        return consumer.subsystem() == null ? consumer.equals(client.member()) : consumer.equals(client);
    }
}
