package org.commonweal.requests.internal.photos;

import static org.commonweal.requests.internal.photos.Bytes.fourCc;
import static org.commonweal.requests.internal.photos.Bytes.startsWith;
import static org.commonweal.requests.internal.photos.Bytes.u16le;
import static org.commonweal.requests.internal.photos.Bytes.u24le;
import static org.commonweal.requests.internal.photos.Bytes.u32le;
import static org.commonweal.requests.internal.photos.Bytes.u8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a WebP RIFF container without its EXIF, XMP and unknown chunks, also inside animation frames, and with
 * the VP8X flags and sizes adjusted to match; the VP8/VP8L bitstreams are copied verbatim.
 */
final class WebpCleaner {

    /** "RIFF", the RIFF size and "WEBP". */
    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;

    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    /** Frame position, size, duration and flags in front of an ANMF chunk's subchunks. */
    private static final int FRAME_HEADER = 16;

    private static final Set<String> KEPT_IN_FRAMES = Set.of("ALPH", "VP8 ", "VP8L");

    private record Chunk(String type, int start, int payload, int size) {

        int payloadEnd() {
            return payload + size;
        }
    }

    private record Size(int width, int height) {
    }

    private WebpCleaner() {
    }

    static boolean recognises(byte[] data) {
        return startsWith(data, "RIFF") && startsWith(data, 8, data.length, "WEBP");
    }

    static CleanPhoto clean(byte[] data) throws RejectedPhoto {
        long riffSize = u32le(data, 4);
        if (riffSize > data.length - 8) {
            throw RejectedPhoto.corrupt("the WebP file is cut short");
        }
        // Bytes after the RIFF container are dropped: no decoder reads them.
        List<Chunk> chunks = chunks(data, RIFF_HEADER, 8 + (int) riffSize);
        if (chunks.isEmpty()) {
            throw RejectedPhoto.corrupt("the WebP file has no image data");
        }
        boolean extended = chunks.getFirst().type().equals("VP8X");
        ByteArrayOutputStream body = new ByteArrayOutputStream(data.length);
        @Nullable Size canvas = null;
        @Nullable Size bitstream = null;
        boolean hasImageData = false;
        for (Chunk chunk : chunks) {
            switch (chunk.type()) {
                case "VP8X" -> {
                    if (chunk != chunks.getFirst() || chunk.size() < 10) {
                        throw RejectedPhoto.corrupt("the WebP extended header is invalid");
                    }
                    canvas = new Size(u24le(data, chunk.payload() + 4) + 1, u24le(data, chunk.payload() + 7) + 1);
                    writeHeaderWithoutMetadataFlags(body, data, chunk);
                }
                case "VP8 ", "VP8L" -> {
                    if (bitstream == null) {
                        bitstream = bitstreamSize(data, chunk);
                    }
                    hasImageData = true;
                    copy(body, data, chunk);
                }
                case "ANMF" -> {
                    writeFrameWithoutMetadata(body, data, chunk);
                    hasImageData = true;
                }
                case "ALPH", "ANIM", "ICCP" -> copy(body, data, chunk);
                default -> {
                    // EXIF, "XMP " and chunks unknown here are dropped.
                }
            }
        }
        if (!hasImageData || !extended && !chunks.getFirst().type().startsWith("VP8")) {
            throw RejectedPhoto.corrupt("the WebP file has no image data where expected");
        }
        // A decoder sizes its buffers from either header, so the two must agree for the pixel limit to mean anything.
        if (canvas != null && bitstream != null && !canvas.equals(bitstream)) {
            throw RejectedPhoto.corrupt("the WebP canvas and image sizes disagree");
        }
        Size size = Objects.requireNonNull(canvas != null ? canvas : bitstream);
        ByteArrayOutputStream out = new ByteArrayOutputStream(RIFF_HEADER + body.size());
        out.writeBytes(new byte[] {'R', 'I', 'F', 'F'});
        writeU32le(out, 4 + body.size());
        out.writeBytes(new byte[] {'W', 'E', 'B', 'P'});
        out.writeBytes(body.toByteArray());
        return new CleanPhoto("image/webp", out.toByteArray(), size.width(), size.height());
    }

    /** The chunks in {@code data[from, to)}; each payload is followed by a pad byte when its size is odd. */
    private static List<Chunk> chunks(byte[] data, int from, int to) throws RejectedPhoto {
        List<Chunk> chunks = new ArrayList<>();
        int p = from;
        while (p < to) {
            if (to - p < CHUNK_HEADER) {
                throw RejectedPhoto.corrupt("a WebP chunk header is cut short");
            }
            long size = u32le(data, p + 4);
            long padded = size + (size & 1);
            if (padded > to - p - CHUNK_HEADER) {
                throw RejectedPhoto.corrupt("a WebP chunk runs past the end of its container");
            }
            chunks.add(new Chunk(fourCc(data, p), p, p + CHUNK_HEADER, (int) size));
            p += CHUNK_HEADER + (int) padded;
        }
        return chunks;
    }

    private static Size bitstreamSize(byte[] data, Chunk chunk) throws RejectedPhoto {
        int at = chunk.payload();
        if (chunk.type().equals("VP8L")) {
            // Signature byte 0x2f, then 14 bits width - 1, 14 bits height - 1, 1 bit alpha, 3 bits version 0.
            if (chunk.size() < 5 || u8(data, at) != 0x2F || u8(data, at + 4) >> 5 != 0) {
                throw RejectedPhoto.corrupt("the WebP lossless header is invalid");
            }
            long bits = u32le(data, at + 1);
            return new Size((int) (bits & 0x3FFF) + 1, (int) (bits >> 14 & 0x3FFF) + 1);
        }
        // A key frame (bit 0 of the 3-byte frame tag clear), start code 9d 01 2a, then 14-bit width and height.
        if (chunk.size() < 10 || (u8(data, at) & 1) != 0
                || u8(data, at + 3) != 0x9D || u8(data, at + 4) != 0x01 || u8(data, at + 5) != 0x2A) {
            throw RejectedPhoto.corrupt("the WebP lossy header is invalid");
        }
        return new Size(u16le(data, at + 6) & 0x3FFF, u16le(data, at + 8) & 0x3FFF);
    }

    private static void writeHeaderWithoutMetadataFlags(ByteArrayOutputStream out, byte[] data, Chunk chunk) {
        out.write(data, chunk.start(), CHUNK_HEADER);
        out.write(u8(data, chunk.payload()) & ~(EXIF_FLAG | XMP_FLAG));
        out.write(data, chunk.payload() + 1, chunk.size() - 1);
        padIfOdd(out, chunk.size());
    }

    /** An animation frame may carry unknown subchunks after its bitstream; only alpha and bitstream stay. */
    private static void writeFrameWithoutMetadata(ByteArrayOutputStream out, byte[] data, Chunk frame)
            throws RejectedPhoto {
        if (frame.size() < FRAME_HEADER) {
            throw RejectedPhoto.corrupt("a WebP animation frame is invalid");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream(frame.size());
        payload.write(data, frame.payload(), FRAME_HEADER);
        for (Chunk sub : chunks(data, frame.payload() + FRAME_HEADER, frame.payloadEnd())) {
            if (KEPT_IN_FRAMES.contains(sub.type())) {
                copy(payload, data, sub);
            }
        }
        out.writeBytes(new byte[] {'A', 'N', 'M', 'F'});
        writeU32le(out, payload.size());
        out.writeBytes(payload.toByteArray());
    }

    private static void copy(ByteArrayOutputStream out, byte[] data, Chunk chunk) {
        out.write(data, chunk.start(), CHUNK_HEADER + chunk.size());
        padIfOdd(out, chunk.size());
    }

    /** Written as zero rather than copied, so not even one stray byte survives. */
    private static void padIfOdd(ByteArrayOutputStream out, int size) {
        if ((size & 1) != 0) {
            out.write(0);
        }
    }

    private static void writeU32le(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >> 8);
        out.write(value >> 16);
        out.write(value >> 24);
    }
}
