package org.commonweal.requests.internal.photos;

import static org.commonweal.requests.internal.photos.Bytes.u8;

import java.nio.ByteBuffer;

/** Reads the orientation tag from EXIF and writes an APP1 segment holding nothing else. */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {
    }

    /**
     * The orientation 2..8 recorded in the first image directory of the TIFF structure at {@code data[tiff, end)},
     * or 0 when it is absent, upright (1) or unreadable: a broken EXIF block is simply dropped, not a reason to reject.
     */
    static int read(byte[] data, int tiff, int end) {
        if (end - tiff < 8) {
            return 0;
        }
        boolean bigEndian;
        if (u8(data, tiff) == 'M' && u8(data, tiff + 1) == 'M') {
            bigEndian = true;
        } else if (u8(data, tiff) == 'I' && u8(data, tiff + 1) == 'I') {
            bigEndian = false;
        } else {
            return 0;
        }
        long directory = u32(data, tiff + 4, bigEndian);
        if (u16(data, tiff + 2, bigEndian) != 42 || directory > end - tiff - 2) {
            return 0;
        }
        int count = u16(data, tiff + (int) directory, bigEndian);
        int entries = tiff + (int) directory + 2;
        for (int i = 0; i < count && entries + 12 * i + 12 <= end; i++) {
            int entry = entries + 12 * i;
            if (u16(data, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(data, entry + 8, bigEndian);
                boolean wellFormed = u16(data, entry + 2, bigEndian) == TYPE_SHORT
                        && u32(data, entry + 4, bigEndian) == 1;
                return wellFormed && value >= 2 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** A complete APP1 Exif segment (big-endian TIFF) whose only entry is the given orientation. */
    static byte[] segment(int orientation) {
        ByteBuffer segment = ByteBuffer.allocate(36);
        segment.putShort((short) 0xFFE1).putShort((short) 34);
        segment.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        segment.put(new byte[] {'M', 'M'}).putShort((short) 42).putInt(8); // TIFF header, directory at offset 8
        segment.putShort((short) 1); // one entry
        segment.putShort((short) ORIENTATION_TAG).putShort((short) TYPE_SHORT).putInt(1).putShort((short) orientation)
                .putShort((short) 0);
        segment.putInt(0); // no further directories
        return segment.array();
    }

    private static int u16(byte[] data, int at, boolean bigEndian) {
        return bigEndian ? Bytes.u16be(data, at) : Bytes.u16le(data, at);
    }

    private static long u32(byte[] data, int at, boolean bigEndian) {
        return bigEndian ? Bytes.u32be(data, at) : Bytes.u32le(data, at);
    }
}
