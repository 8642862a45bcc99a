package org.commonweal.requests.internal.photos;

import static org.commonweal.requests.internal.photos.Bytes.startsWith;
import static org.commonweal.requests.internal.photos.Bytes.u16be;
import static org.commonweal.requests.internal.photos.Bytes.u8;

import java.io.ByteArrayOutputStream;

/**
 * Rewrites a JPEG keeping only the segments a decoder needs (plus colour profile and the EXIF orientation),
 * copying every scan's entropy-coded data verbatim so the pixels are not re-encoded.
 */
final class JpegCleaner {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;

    /** JFIF APP0 payload up to the thumbnail size fields: identifier, version, density unit and densities. */
    private static final int JFIF_FIELDS = 12;

    private JpegCleaner() {
    }

    static boolean recognises(byte[] data) {
        return data.length >= 3 && u8(data, 0) == 0xFF && u8(data, 1) == SOI && u8(data, 2) == 0xFF;
    }

    static CleanPhoto clean(byte[] data) throws RejectedPhoto {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        writeMarker(out, SOI);
        int width = 0;
        int height = 0;
        boolean framed = false;
        boolean scanned = false;
        boolean orientationKept = false;
        int p = 2;
        while (true) {
            if (p < data.length && u8(data, p) != 0xFF) {
                throw RejectedPhoto.corrupt("a JPEG marker is missing");
            }
            // A marker may be preceded by any number of 0xFF fill bytes.
            while (p < data.length && u8(data, p) == 0xFF) {
                p++;
            }
            if (p == data.length) {
                // Cameras and uploads do get cut short after the picture; that is tolerable, a header-only file is not.
                requireScan(scanned);
                break;
            }
            int marker = u8(data, p++);
            if (marker == EOI) {
                // Whatever follows EOI is dropped: MPF secondary images and motion-photo videos carry
                // their own metadata.
                requireScan(scanned);
                break;
            }
            if (!hasLength(marker)) {
                throw RejectedPhoto.corrupt("the JPEG has an unexpected marker");
            }
            int start = p - 2;
            int payload = p + 2;
            int end = segmentEnd(data, p);
            p = end;
            if (isFrameHeader(marker)) {
                // Two frame headers would let a decoder pick a different size than the one checked here.
                if (framed || end - payload < 6) {
                    throw RejectedPhoto.corrupt("the JPEG frame header is invalid");
                }
                framed = true;
                height = u16be(data, payload + 1);
                width = u16be(data, payload + 3);
                copySegment(out, data, start, end);
            } else if (marker == SOS) {
                if (!framed) {
                    throw RejectedPhoto.corrupt("the JPEG has image data before its frame header");
                }
                int scanEnd = scanEnd(data, end);
                if (scanEnd == end) {
                    throw RejectedPhoto.corrupt("a JPEG scan has no image data");
                }
                copySegment(out, data, start, scanEnd);
                scanned = true;
                p = scanEnd;
            } else if (marker == APP0 && startsWith(data, payload, end, "JFIF\0")) {
                writeJfifWithoutThumbnail(out, data, payload, end);
            } else if (marker == APP1 && !orientationKept && startsWith(data, payload, end, "Exif\0\0")) {
                // Everything in EXIF goes (GPS, camera, times) except the orientation, without which
                // portrait phone photos would show sideways; it is written afresh, nothing is copied.
                int orientation = ExifOrientation.read(data, payload + 6, end);
                if (orientation != 0) {
                    out.writeBytes(ExifOrientation.segment(orientation));
                    orientationKept = true;
                }
            } else if (isStructural(marker)
                    || marker == APP2 && startsWith(data, payload, end, "ICC_PROFILE\0")
                    || marker == APP14 && startsWith(data, payload, end, "Adobe")) {
                // The colour profile and Adobe's colour-transform flag change how the pixels decode;
                // they name no place or device.
                copySegment(out, data, start, end);
            }
            // Anything else is dropped: XMP, other APPn (IPTC, MPF, maker data), comments and unknown markers.
        }
        writeMarker(out, EOI);
        return new CleanPhoto("image/jpeg", out.toByteArray(), width, height);
    }

    private static void requireScan(boolean scanned) throws RejectedPhoto {
        if (!scanned) {
            throw RejectedPhoto.corrupt("the JPEG ends before its image data");
        }
    }

    /** The end of the segment whose length field, which counts itself but not the marker, is at {@code at}. */
    private static int segmentEnd(byte[] data, int at) throws RejectedPhoto {
        int length = data.length - at < 2 ? 0 : u16be(data, at);
        if (length < 2 || length > data.length - at) {
            throw RejectedPhoto.corrupt("a JPEG segment runs past the end of the file");
        }
        return at + length;
    }

    /** Every marker outside a scan has a length field except SOI, EOI, TEM and the restart markers. */
    private static boolean hasLength(int marker) {
        return marker >= 0x02 && !(marker >= 0xD0 && marker <= 0xD9);
    }

    /** SOF0..SOF15, which excludes DHT (C4), JPG (C8) and DAC (CC) from the C0..CF range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Tables and parameters needed to decode: DHT, DAC, DQT, DNL, DRI, DHP and EXP. */
    private static boolean isStructural(int marker) {
        return marker == 0xC4 || marker == 0xCC || marker == 0xDB || marker == 0xDC || marker == 0xDD
                || marker == 0xDE || marker == 0xDF;
    }

    /**
     * The index where the entropy-coded data starting at {@code from} ends: the 0xFF of the next marker, or the end
     * of the file if it is cut short.
     */
    private static int scanEnd(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (u8(data, i) != 0xFF) {
                continue;
            }
            int next = u8(data, i + 1);
            // FF 00 is an escaped data byte and FF D0..D7 are restart markers: both belong to the scan.
            if (next == 0x00 || next >= 0xD0 && next <= 0xD7) {
                i++;
            } else {
                return i;
            }
        }
        return data.length;
    }

    /** The JFIF header stays (it sets the colour model); its optional thumbnail could show the uncropped original. */
    private static void writeJfifWithoutThumbnail(ByteArrayOutputStream out, byte[] data, int payload, int end)
            throws RejectedPhoto {
        if (end - payload < JFIF_FIELDS + 2) {
            throw RejectedPhoto.corrupt("the JFIF header is too short");
        }
        writeMarker(out, APP0);
        int length = 2 + JFIF_FIELDS + 2;
        out.write(length >> 8);
        out.write(length);
        out.write(data, payload, JFIF_FIELDS);
        out.write(0); // thumbnail width
        out.write(0); // thumbnail height
    }

    private static void copySegment(ByteArrayOutputStream out, byte[] data, int from, int to) {
        out.write(data, from, to - from);
    }

    private static void writeMarker(ByteArrayOutputStream out, int marker) {
        out.write(0xFF);
        out.write(marker);
    }
}
