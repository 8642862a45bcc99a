package org.commonweal.exchange;

import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.platform.CommonwealException;

/** An X-Road service identifier {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE}. */
public record ServiceId(OrganisationIdentifier provider, String serviceCode) {

    public ServiceId {
        if (provider.subsystem() == null) {
            throw new IllegalArgumentException("A service belongs to a subsystem: INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE");
        }
        if (!OrganisationIdentifier.isValidPart(serviceCode)) {
            throw new IllegalArgumentException("The service code must be 1-64 letters, digits, '.', '-' or '_'");
        }
    }

    /** Parses the identifier or refuses it with {@link ExchangeErrorCode#SERVICE_ID_INVALID} and a reason. */
    public static ServiceId parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length != 5) {
                throw new IllegalArgumentException("A service identifier has the form INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE");
            }
            return new ServiceId(new OrganisationIdentifier(parts[0], parts[1], parts[2], parts[3]), parts[4]);
        } catch (IllegalArgumentException e) {
            throw new CommonwealException(ExchangeErrorCode.SERVICE_ID_INVALID,
                    "'" + abbreviate(text) + "' is not a service identifier: " + e.getMessage());
        }
    }

    public String providerMemberCode() {
        return provider.memberCode();
    }

    static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    @Override
    public String toString() {
        return provider + "/" + serviceCode;
    }
}
