package org.commonweal.ledger.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonweal.ledger.tlog.internal.EcmaScriptNumber;
import org.jspecify.annotations.Nullable;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) serializer for plain Java values, so that a ledger
 * entry has exactly one byte sequence to hash and sign.
 *
 * <p>Accepted: {@code null}, {@link Boolean}, {@link String}, {@link Integer}/{@link Long}/
 * {@link Short}/{@link Byte} within ±(2^53−1), finite {@link Double}, {@link List}, and
 * {@link Map} with {@link String} keys. Everything else is refused rather than guessed at:
 * a {@code Set} has no order, a {@code Float} or {@code BigDecimal} would silently change value,
 * and an integer beyond 2^53 cannot survive the IEEE-754 double that JCS numbers are
 * (RFC 8785 §3.2.2.3; I-JSON, RFC 7493 §2.2) — put such values in strings.
 */
public final class CanonicalJson {

    /** Largest integer that every JSON implementation reads back exactly. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    // Guards against self-containing maps and lists, which would otherwise overflow the stack.
    private static final int MAX_DEPTH = 64;

    private CanonicalJson() {
    }

    /** The canonical JSON text. */
    public static String toJson(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    /** The canonical JSON as UTF-8, the bytes to hash or sign (RFC 8785 §3.2.4). */
    public static byte[] toUtf8(@Nullable Object value) {
        return toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, @Nullable Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " (or a cycle)");
        }
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case String s -> writeString(out, s);
            case Integer i -> writeInteger(out, i);
            case Long l -> writeInteger(out, l);
            case Short s -> writeInteger(out, s);
            case Byte b -> writeInteger(out, b);
            case Double d -> out.append(EcmaScriptNumber.format(d));
            case Map<?, ?> map -> writeObject(out, map, depth);
            case List<?> list -> writeArray(out, list, depth);
            default -> throw new IllegalArgumentException("cannot canonicalize a " + value.getClass().getName()
                    + "; use null, Boolean, String, Integer, Long, Double, List or Map<String, ?>");
        }
    }

    private static void writeInteger(StringBuilder out, long value) {
        if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer " + value + " is outside ±(2^53−1), which JSON numbers cannot "
                    + "carry exactly; encode it as a string");
        }
        out.append(value);
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got "
                        + (key == null ? "null" : key.getClass().getName()));
            }
            keys.add(name);
        }
        // String.compareTo orders by UTF-16 code units, exactly the order RFC 8785 §3.2.3 requires.
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, keys.get(i));
            out.append(':');
            write(out, map.get(keys.get(i)), depth + 1);
        }
        out.append('}');
    }

    private static void writeArray(StringBuilder out, List<?> list, int depth) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(out, list.get(i), depth + 1);
        }
        out.append(']');
    }

    /**
     * RFC 8785 §3.2.2.2 (ECMAScript JSON.stringify): only '"', '\' and C0 controls are escaped, with
     * the short forms where JSON has them and otherwise a backslash-u escape with four lowercase hex
     * digits. Everything else, DEL and U+2028 included, is written as is. Lone surrogates are not
     * Unicode text and are refused.
     */
    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("string has an unpaired surrogate at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
