package org.commonweal.requests.internal.photos;

import static org.commonweal.requests.internal.photos.Bytes.startsWith;
import static org.commonweal.requests.internal.photos.Bytes.u32le;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Tells image formats we recognise but do not accept apart from everything else, so the person is told to convert
 * the photo rather than that it is not one.
 */
final class UnsupportedFormats {

    /** ISO base media brands of HEIF stills, as phones write them, and of AVIF. */
    private static final Set<String> HEIC_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    /** BMP info header sizes, from the 12-byte OS/2 header to the 124-byte V5 header. */
    private static final Set<Long> BMP_HEADER_SIZES = Set.of(12L, 16L, 40L, 52L, 56L, 64L, 108L, 124L);

    private static final int TEXT_SNIFF_LENGTH = 1024;

    private UnsupportedFormats() {
    }

    static RejectedPhoto rejection(byte[] data) {
        if (startsWith(data, "GIF87a") || startsWith(data, "GIF89a")) {
            return RejectedPhoto.unsupported("GIF");
        }
        if (startsWith(data, "II*\0") || startsWith(data, "MM\0*")) {
            return RejectedPhoto.unsupported("TIFF");
        }
        if (startsWith(data, "BM") && data.length >= 18 && BMP_HEADER_SIZES.contains(u32le(data, 14))) {
            return RejectedPhoto.unsupported("BMP");
        }
        if (startsWith(data, 4, data.length, "ftyp") && data.length >= 12) {
            String brand = new String(data, 8, 4, StandardCharsets.ISO_8859_1);
            if (HEIC_BRANDS.contains(brand)) {
                return RejectedPhoto.unsupported("HEIC");
            }
            if (AVIF_BRANDS.contains(brand)) {
                return RejectedPhoto.unsupported("AVIF");
            }
        }
        if (isSvg(data)) {
            return RejectedPhoto.unsupported("SVG");
        }
        return RejectedPhoto.notAnImage();
    }

    /** An XML document whose first kilobyte opens an svg element; HTML that merely embeds one starts differently. */
    private static boolean isSvg(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, TEXT_SNIFF_LENGTH), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) { // UTF-8 byte order mark
            head = head.substring(3);
        }
        head = head.strip();
        return (head.startsWith("<?xml") || head.startsWith("<svg")) && head.contains("<svg");
    }
}
