package org.commonweal.requests.internal.photos;

import static org.commonweal.requests.internal.photos.Bytes.fourCc;
import static org.commonweal.requests.internal.photos.Bytes.u32be;
import static org.commonweal.requests.internal.photos.Bytes.u8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/** Rewrites a PNG keeping the image chunks and the ancillary chunks that only affect how colours display. */
final class PngCleaner {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Everything else goes: eXIf, tEXt, zTXt, iTXt, tIME and chunks unknown here, which may carry anything. */
    private static final Set<String> KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs");

    /** Length, type and CRC around each chunk's data. */
    private static final int CHUNK_OVERHEAD = 12;

    private PngCleaner() {
    }

    static boolean recognises(byte[] data) {
        return data.length >= SIGNATURE.length
                && Arrays.equals(data, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static CleanPhoto clean(byte[] data) throws RejectedPhoto {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.writeBytes(SIGNATURE);
        long width = 0;
        long height = 0;
        boolean hasImageData = false;
        int p = SIGNATURE.length;
        while (true) {
            if (data.length - p < CHUNK_OVERHEAD) {
                throw RejectedPhoto.corrupt("the PNG ends before its end chunk");
            }
            long length = u32be(data, p);
            if (length > data.length - p - CHUNK_OVERHEAD) {
                throw RejectedPhoto.corrupt("a PNG chunk runs past the end of the file");
            }
            int end = p + CHUNK_OVERHEAD + (int) length;
            String type = chunkType(data, p + 4);
            CRC32 crc = new CRC32();
            crc.update(data, p + 4, 4 + (int) length);
            if (crc.getValue() != u32be(data, end - 4)) {
                throw RejectedPhoto.corrupt("a PNG chunk fails its checksum");
            }
            boolean first = p == SIGNATURE.length;
            if (first != type.equals("IHDR")) {
                throw RejectedPhoto.corrupt("the PNG does not start with exactly one header chunk");
            }
            if (first) {
                width = u32be(data, p + 8);
                height = u32be(data, p + 12);
                // The format caps both at 2^31 - 1; anything larger is not a PNG a decoder would accept.
                if (length != 13 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                    throw RejectedPhoto.corrupt("the PNG header chunk is invalid");
                }
            }
            hasImageData |= type.equals("IDAT");
            if (KEPT.contains(type)) {
                out.write(data, p, end - p);
            }
            if (type.equals("IEND")) {
                // Bytes after IEND are dropped: nothing reads them, so they could hide anything.
                break;
            }
            p = end;
        }
        if (!hasImageData) {
            throw RejectedPhoto.corrupt("the PNG has no image data");
        }
        return new CleanPhoto("image/png", out.toByteArray(), (int) width, (int) height);
    }

    /** Chunk types are four ASCII letters; anything else means the chunk boundaries are wrong. */
    private static String chunkType(byte[] data, int at) throws RejectedPhoto {
        for (int i = at; i < at + 4; i++) {
            int c = u8(data, i) | 0x20;
            if (c < 'a' || c > 'z') {
                throw RejectedPhoto.corrupt("a PNG chunk has an invalid type");
            }
        }
        return fourCc(data, at);
    }
}
