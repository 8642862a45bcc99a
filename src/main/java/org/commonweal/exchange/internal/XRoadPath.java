package org.commonweal.exchange.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.ServiceId;
import org.commonweal.identity.OrganisationIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A request path of the X-Road message protocol for REST: {@code /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/rest]}
 * for a service, or {@code /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/<metaservice>} for listMethods,
 * allowedMethods and getOpenAPI. Identifier parts are percent-decoded UTF-8 and must be plain
 * identifiers; the rest of the path is passed on as the client sent it, without dot segments.
 *
 * @param metaservice the metaservice asked for, or null for a service call
 * @param rest the path after the service code, percent-encoded as received ("" or starting with '/')
 */
record XRoadPath(OrganisationIdentifier provider, @Nullable String serviceCode, @Nullable String metaservice, String rest) {

    static final Set<String> METASERVICES = Set.of("listMethods", "allowedMethods", "getOpenAPI");

    static XRoadPath parse(String rawPath) {
        if (!rawPath.startsWith("/r1/")) {
            throw bad("The path must start with /r1/ (the protocol version)");
        }
        String[] parts = rawPath.substring(4).split("/", 6);
        if (parts.length < 5) {
            throw bad("The path must name a service: /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE");
        }
        String[] decoded = Arrays.stream(parts, 0, 5).map(XRoadPath::decode).toArray(String[]::new);
        for (String part : decoded) {
            if (!OrganisationIdentifier.isValidPart(part)) {
                throw bad("Each identifier part must be 1-64 letters, digits, '.', '-' or '_' and start with a letter or digit");
            }
        }
        OrganisationIdentifier provider = new OrganisationIdentifier(decoded[0], decoded[1], decoded[2], decoded[3]);
        String rest = parts.length == 6 ? "/" + parts[5] : "";
        if (METASERVICES.contains(decoded[4]) && rest.isEmpty()) {
            return new XRoadPath(provider, null, decoded[4], "");
        }
        for (String segment : rest.split("/")) {
            String plain = decode(segment).toLowerCase(Locale.ROOT);
            if (plain.equals(".") || plain.equals("..") || plain.contains("\\") || plain.indexOf('\0') >= 0) {
                throw bad("The path after the service may not contain '.' or '..' segments, backslashes or NUL");
            }
        }
        return new XRoadPath(provider, decoded[4], null, rest);
    }

    ServiceId serviceId() {
        return new ServiceId(provider, serviceCode == null ? metaservice : serviceCode);
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad("The path holds a broken percent-encoding");
        }
    }

    private static GatewayRefusal bad(String message) {
        return new GatewayRefusal(ExchangeErrorCode.BAD_IDENTIFIER, message);
    }
}
