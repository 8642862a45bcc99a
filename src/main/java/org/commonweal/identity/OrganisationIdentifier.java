package org.commonweal.identity;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An X-Road-style identifier {@code INSTANCE/CLASS/CODE[/SUBSYSTEM]}, for example
 * {@code CW-DEMO/GOV/TRANSPORT} or {@code CW-DEMO/GOV/TRANSPORT/permits}.
 */
public record OrganisationIdentifier(String instance, String memberClass, String memberCode, @Nullable String subsystem) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public OrganisationIdentifier {
        requirePart("instance", instance);
        requirePart("member class", memberClass);
        requirePart("member code", memberCode);
        if (subsystem != null) {
            requirePart("subsystem", subsystem);
        }
    }

    public static OrganisationIdentifier of(String instance, String memberClass, String memberCode) {
        return new OrganisationIdentifier(instance, memberClass, memberCode, null);
    }

    /** Parses {@code INSTANCE/CLASS/CODE[/SUBSYSTEM]}; refuses anything else with a reason. */
    public static OrganisationIdentifier parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException(
                    "An organisation identifier has the form INSTANCE/CLASS/CODE or INSTANCE/CLASS/CODE/SUBSYSTEM");
        }
        return new OrganisationIdentifier(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : null);
    }

    /** True for a part made of letters, digits, dots, dashes and underscores, 1-64 long. */
    public static boolean isValidPart(@Nullable String part) {
        return part != null && PART.matcher(part).matches();
    }

    private static void requirePart(String what, @Nullable String value) {
        if (!isValidPart(value)) {
            throw new IllegalArgumentException("The " + what
                    + " must be 1-64 letters, digits, '.', '-' or '_' and start with a letter or digit");
        }
    }

    /** The identifier of this organisation's member, without the subsystem. */
    public OrganisationIdentifier member() {
        return new OrganisationIdentifier(instance, memberClass, memberCode, null);
    }

    @Override
    public String toString() {
        return instance + "/" + memberClass + "/" + memberCode + (subsystem == null ? "" : "/" + subsystem);
    }
}
