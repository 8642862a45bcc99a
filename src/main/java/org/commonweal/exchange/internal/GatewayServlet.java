package org.commonweal.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.exchange.Agreement;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.DataSubjects;
import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.ExchangeSettings;
import org.commonweal.exchange.RegisteredService;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.platform.http.Http11Client;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange gateway: the X-Road message protocol for REST at {@code /r1/...} and the
 * {@code /listClients} metaservice. A plain servlet rather than a controller, so bodies stream
 * both ways untouched by message converters. Every call, refused ones too, leaves a call record.
 */
public class GatewayServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(GatewayServlet.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Response headers of the provider passed on to the client; the rest (cookies, hop-by-hop, lengths) stay behind. */
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "cache-control", "etag", "last-modified",
            "expires", "content-language", "content-disposition", "retry-after");
    private static final int RESPONSE_BUFFER = 16 * 1024;

    private final AccessRules access;
    private final RateLimiter limiter;
    private final DuplicateIds duplicates;
    private final Forwarder forwarder;
    private final MetaServices meta;
    private final CallRecorder recorder;
    private final DataSubjects subjects;
    private final Agreements agreements;
    private final ExchangeSettings settings;
    private final Clock clock;
    private final Map<String, Minimiser> minimisers = new java.util.concurrent.ConcurrentHashMap<>();

    GatewayServlet(AccessRules access, RateLimiter limiter, DuplicateIds duplicates, Forwarder forwarder, MetaServices meta,
                   CallRecorder recorder, DataSubjects subjects, Agreements agreements, ExchangeSettings settings, Clock clock) {
        this.access = access;
        this.limiter = limiter;
        this.duplicates = duplicates;
        this.forwarder = forwarder;
        this.meta = meta;
        this.recorder = recorder;
        this.subjects = subjects;
        this.agreements = agreements;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CallDraft call = new CallDraft(clock.instant());
        try {
            if ("/listClients".equals(request.getRequestURI())) {
                listClients(request, response, call);
            } else {
                handle(request, response, call);
            }
        } catch (GatewayRefusal refusal) {
            refuse(response, call, refusal);
        } catch (CutOff cutOff) {
            // the status line is gone already: closing the connection is the only honest signal left
            throw cutOff;
        } catch (RuntimeException e) {
            log.error("Gateway call {} failed unexpectedly", call.id, e);
            refuse(response, call, new GatewayRefusal(ExchangeErrorCode.PROVIDER_INVALID_RESPONSE,
                    "The exchange could not be completed"));
        } finally {
            recorder.record(call.pending());
        }
    }

    private void listClients(HttpServletRequest request, HttpServletResponse response, CallDraft call) throws IOException {
        call.serviceId = "listClients";
        OrganisationIdentifier organisation = access.authenticate(request.getHeader("Authorization"))
                .orElseThrow(GatewayServlet::unauthenticated);
        call.client = organisation.toString();
        call.consumerMember = organisation.memberCode();
        String instance = request.getParameter("xRoadInstance");
        byte[] body = meta.listClients(instance, access.allServices());
        answer(response, call, body, "application/json");
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, CallDraft call) throws IOException {
        XRoadPath target = XRoadPath.parse(request.getRequestURI());
        call.providerMember = target.provider().memberCode();
        call.serviceId = target.serviceCode() == null ? target.provider() + "/" + target.metaservice()
                : target.serviceId().toString();
        OrganisationIdentifier client = client(request, call);
        OrganisationIdentifier caller = access.authenticate(request.getHeader("Authorization"))
                .orElseThrow(GatewayServlet::unauthenticated);
        if (!caller.equals(client.member())) {
            throw new GatewayRefusal(ExchangeErrorCode.FORGED_CLIENT,
                    "X-Road-Client names " + client.member() + " but the API token belongs to " + caller);
        }
        String givenId = request.getHeader("X-Road-Id");
        if (givenId != null && !duplicates.firstUse(client.toString(), givenId, call.at.toEpochMilli())) {
            throw new GatewayRefusal(ExchangeErrorCode.DUPLICATE_ID,
                    "X-Road-Id " + CallDraft.clip(givenId) + " was already used by " + client + "; every message needs a new one");
        }
        if (target.metaservice() != null) {
            metaservice(request, response, call, target, client);
            return;
        }
        RegisteredService service = access.service(call.serviceId).orElseThrow(() -> new GatewayRefusal(
                ExchangeErrorCode.UNKNOWN_SERVICE, "No service " + call.serviceId + " is registered"));
        call.service = service;
        Agreement agreement = access.agreementFor(client, call.serviceId, agreements.today());
        call.agreement = agreement;
        if (!limiter.tryAcquire(agreement.id(), agreement.terms().callsPerMinute(), call.at.toEpochMilli())) {
            response.setHeader("Retry-After", String.valueOf(RateLimiter.secondsToNextMinute(call.at.toEpochMilli())));
            throw new GatewayRefusal(ExchangeErrorCode.RATE_LIMITED, "The agreement allows "
                    + agreement.terms().callsPerMinute() + " calls a minute; try again in the next minute");
        }
        forward(request, response, call, target, service, agreement);
    }

    private OrganisationIdentifier client(HttpServletRequest request, CallDraft call) {
        String header = request.getHeader("X-Road-Client");
        if (header == null || header.isBlank()) {
            throw new GatewayRefusal(ExchangeErrorCode.CLIENT_MISSING,
                    "Name the calling subsystem in the X-Road-Client header: INSTANCE/CLASS/MEMBER/SUBSYSTEM");
        }
        call.client = header;
        String givenId = request.getHeader("X-Road-Id");
        if (givenId != null) {
            call.xroadId = givenId;
            if (givenId.isBlank() || givenId.length() > 200 || !givenId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new GatewayRefusal(ExchangeErrorCode.BAD_IDENTIFIER, "X-Road-Id must be 1-200 visible ASCII characters");
            }
        }
        String issue = request.getHeader("X-Road-Issue");
        String userId = request.getHeader("X-Road-UserId");
        if ((issue != null && issue.length() > 200) || (userId != null && userId.length() > 200)) {
            throw new GatewayRefusal(ExchangeErrorCode.BAD_IDENTIFIER, "X-Road-Issue and X-Road-UserId may be at most 200 characters");
        }
        call.issue = issue == null || issue.isBlank() ? null : issue;
        call.subjectHash = userId == null || userId.isBlank() ? null : subjects.hashOf(userId);
        try {
            OrganisationIdentifier client = OrganisationIdentifier.parse(java.net.URLDecoder.decode(
                    header.strip().replace("+", "%2B"), StandardCharsets.UTF_8));
            call.consumerMember = client.memberCode();
            return client;
        } catch (IllegalArgumentException e) {
            throw new GatewayRefusal(ExchangeErrorCode.BAD_IDENTIFIER, "X-Road-Client: " + e.getMessage());
        }
    }

    private void metaservice(HttpServletRequest request, HttpServletResponse response, CallDraft call, XRoadPath target,
                             OrganisationIdentifier client) throws IOException {
        switch (target.metaservice()) {
            case "listMethods" -> answer(response, call, meta.listMethods(target.provider(), null, agreements.today()),
                    "application/json");
            case "allowedMethods" -> answer(response, call, meta.listMethods(target.provider(), client, agreements.today()),
                    "application/json");
            default -> {
                RegisteredService service = meta.openApiOf(target.provider(), request.getParameter("serviceCode"));
                String text = service.openApi();
                answer(response, call, text.getBytes(StandardCharsets.UTF_8),
                        text.stripLeading().startsWith("{") ? "application/json" : "application/yaml");
            }
        }
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, CallDraft call, XRoadPath target,
                         RegisteredService service, Agreement agreement) throws IOException {
        long maxRequest = settings.maxRequestBody().toBytes();
        if (request.getContentLengthLong() > maxRequest) {
            throw new GatewayRefusal(ExchangeErrorCode.REQUEST_TOO_LARGE, "The request body is larger than " + maxRequest + " bytes");
        }
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        BodyStreams.Incoming body = hasBody ? new BodyStreams.Incoming(request.getInputStream(), maxRequest) : null;
        String query = request.getQueryString();
        URI uri = URI.create(service.baseUrl() + target.rest() + (query == null ? "" : "?" + query));
        Http11Client.Response answer = forwarder.send(request.getMethod(), uri, forwardedHeaders(request, call), body,
                request.getContentLengthLong());
        if (body != null) {
            call.requestDigest = BodyStreams.hex(body.digest);
        }
        // the limit counts what the provider sends, before minimisation
        try (InputStream providerBody = new BodyStreams.Incoming(answer.body(), settings.maxResponseBody().toBytes())) {
            deliver(request, response, call, service, agreement, answer, providerBody,
                    body == null ? MerkleTree.sha256().digest() : BodyStreams.bytes(body.digest));
        }
    }

    private Map<String, String> forwardedHeaders(HttpServletRequest request, CallDraft call) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (Forwarder.REQUEST_HEADERS.contains(lower)) {
                headers.put(lower, request.getHeader(name));
            }
        }
        headers.put("x-road-id", call.xroadId);
        headers.put("x-road-service", call.serviceId);
        // the provider's systems may not cope with compression; the gateway must read the body anyway
        headers.put("accept-encoding", "identity");
        return headers;
    }

    private void deliver(HttpServletRequest request, HttpServletResponse response, CallDraft call, RegisteredService service,
                         Agreement agreement, Http11Client.Response answer, InputStream providerBody,
                         byte[] requestHash) throws IOException {
        long maxResponse = settings.maxResponseBody().toBytes();
        long length = contentLength(answer);
        if (length > maxResponse) {
            throw new GatewayRefusal(ExchangeErrorCode.RESPONSE_TOO_LARGE,
                    "The provider's response is larger than " + maxResponse + " bytes");
        }
        String type = answer.first("content-type") == null ? "" : answer.first("content-type");
        boolean bodyExpected = !"HEAD".equals(request.getMethod()) && answer.status() != 204
                && answer.status() != 304 && length != 0;
        boolean json = isJson(type);
        if (bodyExpected && !json && service.personal()) {
            throw new GatewayRefusal(ExchangeErrorCode.PERSONAL_DATA_NOT_JSON, "The service carries personal data but answered with '"
                    + CallDraft.clip(type) + "'; only JSON can be minimised to what the agreement allows, so it is not passed on");
        }
        response.setBufferSize(RESPONSE_BUFFER);
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> {
            if (RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        xroadHeaders(response, call);
        response.setHeader("X-Road-Request-Hash", Base64.getEncoder().encodeToString(requestHash));
        call.status = answer.status();
        BodyStreams.Outgoing out = new BodyStreams.Outgoing(response.getOutputStream(), Long.MAX_VALUE);
        try {
            if (bodyExpected && json) {
                minimiser(service, agreement).copy(providerBody, out, call.delivered);
            } else if (bodyExpected) {
                providerBody.transferTo(out);
                service.fieldItems().values().stream().filter(agreement.terms().dataItems()::contains).forEach(call.delivered::add);
            }
            call.responseDigest = BodyStreams.hex(out.digest);
        } catch (JacksonException | IOException e) {
            Throwable cause = e instanceof JacksonException && e.getCause() != null ? e.getCause() : e;
            if (out.clientGone) {
                log.debug("Client went away during call {}", call.id);
                call.responseDigest = BodyStreams.hex(out.digest);
            } else if (cause instanceof BodyStreams.TooLarge) {
                failMidway(response, call, ExchangeErrorCode.RESPONSE_TOO_LARGE,
                        "The provider's response is larger than " + maxResponse + " bytes");
            } else if (cause instanceof IOException) {
                failMidway(response, call, ExchangeErrorCode.PROVIDER_DOWN, "The provider's system broke off its response");
            } else {
                failMidway(response, call, ExchangeErrorCode.PROVIDER_INVALID_RESPONSE,
                        "The provider's response is not well-formed JSON: " + CallDraft.clip(((JacksonException) e).getOriginalMessage()));
            }
        }
    }

    /** One minimiser per service and agreement (both fixed once made), built on first use. */
    private Minimiser minimiser(RegisteredService service, Agreement agreement) {
        if (minimisers.size() > 10_000) {
            minimisers.clear();
        }
        return minimisers.computeIfAbsent(service.id() + "|" + agreement.id(),
                key -> new Minimiser(service.fieldItems(), agreement.terms().dataItems()));
    }

    private static long contentLength(Http11Client.Response answer) {
        String declared = answer.first("content-length");
        if (declared == null || answer.first("transfer-encoding") != null) {
            return -1;
        }
        return Long.parseLong(declared.strip());
    }

    /** Before the first byte left, a proper error replaces the response; after, the connection is cut. */
    private void failMidway(HttpServletResponse response, CallDraft call, ExchangeErrorCode code, String message) {
        call.delivered.clear();
        if (!response.isCommitted()) {
            response.reset();
            throw new GatewayRefusal(code, message);
        }
        call.status = code.status().value();
        call.error = code;
        throw new CutOff(message);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String media = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    private void answer(HttpServletResponse response, CallDraft call, byte[] body, String contentType) throws IOException {
        call.status = 200;
        response.setStatus(200);
        response.setContentType(contentType);
        xroadHeaders(response, call);
        response.setHeader("X-Road-Request-Hash", Base64.getEncoder().encodeToString(MerkleTree.sha256().digest()));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        call.responseDigest = "sha256:" + java.util.HexFormat.of().formatHex(MerkleTree.sha256().digest(body));
    }

    private static void xroadHeaders(HttpServletResponse response, CallDraft call) {
        response.setHeader("X-Road-Id", CallDraft.clip(call.xroadId));
        if (!call.client.isEmpty() && call.client.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            response.setHeader("X-Road-Client", CallDraft.clip(call.client));
        }
        if (!call.serviceId.isEmpty() && call.serviceId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            response.setHeader("X-Road-Service", CallDraft.clip(call.serviceId));
        }
    }

    /** The X-Road error answer: {@code X-Road-Error} header and {@code {"type","message","detail"}}. */
    private void refuse(HttpServletResponse response, CallDraft call, GatewayRefusal refusal) throws IOException {
        call.status = refusal.code().status().value();
        call.error = refusal.code();
        call.delivered.clear();
        if (response.isCommitted()) {
            throw new CutOff(refusal.getMessage());
        }
        String retryAfter = response.getHeader("Retry-After");
        response.reset();
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setStatus(call.status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Road-Error", refusal.code().xroadType());
        xroadHeaders(response, call);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", refusal.code().xroadType());
        body.put("message", refusal.getMessage());
        body.put("detail", call.id.toString());
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        call.responseDigest = "sha256:" + java.util.HexFormat.of().formatHex(MerkleTree.sha256().digest(bytes));
    }

    private static GatewayRefusal unauthenticated() {
        return new GatewayRefusal(ExchangeErrorCode.UNAUTHENTICATED,
                "Send your department's API token as 'Authorization: Bearer <token>'");
    }

    /** Thrown after the response started: the container then closes the connection instead of ending the body. */
    static final class CutOff extends RuntimeException {
        CutOff(String message) {
            super(message, null, false, false);
        }
    }

    static List<String> paths() {
        return List.of("/r1/*", "/listClients");
    }
}
