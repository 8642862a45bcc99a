package org.commonweal.requests.internal.photos;

import java.nio.charset.StandardCharsets;

/** Unsigned reads from a byte array; callers check the bounds first. */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }

    static int u16be(byte[] data, int at) {
        return u8(data, at) << 8 | u8(data, at + 1);
    }

    static int u16le(byte[] data, int at) {
        return u8(data, at) | u8(data, at + 1) << 8;
    }

    static int u24le(byte[] data, int at) {
        return u16le(data, at) | u8(data, at + 2) << 16;
    }

    static long u32be(byte[] data, int at) {
        return (long) u16be(data, at) << 16 | u16be(data, at + 2);
    }

    static long u32le(byte[] data, int at) {
        return u16le(data, at) | (long) u16le(data, at + 2) << 16;
    }

    /** Whether {@code data[at, end)} starts with the given ASCII text. */
    static boolean startsWith(byte[] data, int at, int end, String ascii) {
        if (end - at < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] data, String ascii) {
        return startsWith(data, 0, data.length, ascii);
    }

    /** Four bytes as a chunk name such as {@code IDAT} or {@code VP8 }. */
    static String fourCc(byte[] data, int at) {
        return new String(data, at, 4, StandardCharsets.ISO_8859_1);
    }
}
