package org.commonweal.ledger.tlog.internal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Lexical rules shared by signed notes, checkpoints and note keys (C2SP signed-note).
 */
public final class NoteSyntax {

    private NoteSyntax() {
    }

    /**
     * Why {@code text} cannot be the text of a signed note, if it cannot: it must be non-empty,
     * end in a newline, and contain no control characters other than newline.
     */
    public static Optional<String> textProblem(String text) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            return Optional.of("note text must end with a newline");
        }
        return controlCharacterProblem(text);
    }

    /** Signed notes must not contain ASCII control characters other than newline. */
    public static Optional<String> controlCharacterProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                String codePoint = HexFormat.of().withUpperCase().toHexDigits(c);
                return Optional.of("contains control character U+" + codePoint + " at offset " + i);
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return Optional.of("contains an unpaired surrogate at offset " + i + " (not valid UTF-8)");
                }
                i++;
            }
        }
        return Optional.empty();
    }

    /** Key names must be non-empty and contain no Unicode spaces and no '+'. */
    public static boolean isValidKeyName(String name) {
        if (name.isEmpty() || name.indexOf('+') >= 0 || controlCharacterProblem(name).isPresent()) {
            return false;
        }
        return name.codePoints().noneMatch(NoteSyntax::isUnicodeSpace);
    }

    // Go's unicode.IsSpace, which the reference implementation uses for this rule: the Z categories
    // plus the ASCII whitespace controls and U+0085.
    private static boolean isUnicodeSpace(int codePoint) {
        return Character.isSpaceChar(codePoint) || (codePoint >= 0x09 && codePoint <= 0x0D) || codePoint == 0x85;
    }

    /**
     * Decodes standard base64 only in its canonical form (with padding, zero pad bits), so one
     * value has one spelling; Java's decoder alone would also take unpadded or non-canonical input.
     */
    public static Optional<byte[]> decodeCanonicalBase64(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A key ID as the 8 lowercase hex digits used in key strings. */
    public static String keyIdHex(int keyId) {
        String hex = Integer.toHexString(keyId);
        return "0".repeat(8 - hex.length()) + hex;
    }
}
