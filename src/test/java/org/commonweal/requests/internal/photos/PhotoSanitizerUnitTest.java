package org.commonweal.requests.internal.photos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;
import static org.commonweal.requests.internal.photos.RejectedPhoto.Reason.CORRUPT;
import static org.commonweal.requests.internal.photos.RejectedPhoto.Reason.EMPTY;
import static org.commonweal.requests.internal.photos.RejectedPhoto.Reason.NOT_AN_IMAGE;
import static org.commonweal.requests.internal.photos.RejectedPhoto.Reason.TOO_LARGE;
import static org.commonweal.requests.internal.photos.RejectedPhoto.Reason.TOO_MANY_PIXELS;
import static org.commonweal.requests.internal.photos.RejectedPhoto.Reason.UNSUPPORTED_TYPE;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Photos are recognised by their bytes and leave without location or camera metadata, their pixels untouched. */
class PhotoSanitizerUnitTest {

    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_PIXELS = 50_000_000;
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    private static final String GPS = "GPS 59.4370N 24.7536E";
    private static final String CAMERA = "PhoneMaker X200";
    private static final String XMP = "xmp-creator-tool-marker";
    private static final String IPTC = "iptc-byline-marker";
    private static final String COMMENT = "comment-marker";
    private static final String HIDDEN = "hidden-trailer-marker";
    private static final String[] MARKERS = {GPS, CAMERA, XMP, IPTC, COMMENT, HIDDEN};

    /** A known valid 1x1 lossless WebP: the RIFF header and one VP8L chunk. */
    private static final byte[] WEBP_1X1 =
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static final byte[] VP8L_1X1 = Arrays.copyOfRange(WEBP_1X1, 12, WEBP_1X1.length);

    private final PhotoSanitizer sanitizer = new PhotoSanitizer(MAX_BYTES, MAX_PIXELS);

    @Nested
    class Jpeg {

        @Test
        void removesGpsCameraXmpIptcCommentsAndTrailingData() throws Exception {
            CleanPhoto photo = sanitizer.clean(jpegWithMetadata());

            assertThat(photo.mediaType()).isEqualTo("image/jpeg");
            assertThat(text(photo.bytes())).doesNotContain(MARKERS).doesNotContain("Exif", "http://ns.adobe.com/xap");
        }

        @Test
        void leavesThePixelsUntouched() throws Exception {
            byte[] upload = jpegWithMetadata();

            CleanPhoto photo = sanitizer.clean(upload);

            assertThat(photo.width()).isEqualTo(WIDTH);
            assertThat(photo.height()).isEqualTo(HEIGHT);
            assertThat(rgb(photo.bytes())).isEqualTo(rgb(upload));
            byte[] plain = jpeg();
            assertThat(photo.bytes()).as("scan header and entropy-coded data, byte for byte")
                    .endsWith(Arrays.copyOfRange(plain, segmentStart(plain, 0xDA), plain.length));
        }

        @Test
        void keepsTheColourProfileAndJfifHeader() throws Exception {
            CleanPhoto photo = sanitizer.clean(jpegWithMetadata());

            assertThat(photo.bytes()).containsSequence(app2IccProfile());
            assertThat(text(photo.bytes())).startsWith("\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000");
        }

        @ParameterizedTest(name = "big-endian EXIF: {0}")
        @ValueSource(booleans = {true, false})
        void keepsOnlyTheOrientationFromExifSoPortraitPhotosStayUpright(boolean bigEndian) throws Exception {
            ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            byte[] upload = insertAfterApp0(jpeg(), segment(0xE1, exif(order, 6)));

            CleanPhoto photo = sanitizer.clean(upload);

            assertThat(text(photo.bytes())).doesNotContain(GPS, CAMERA);
            assertThat(photo.bytes()).containsSequence(HexFormat.of().parseHex(
                    "ffe10022" + "457869660000" + "4d4d002a00000008" + "0001" + "011200030000000100060000"
                            + "00000000"));
            assertThat(rgb(photo.bytes())).isEqualTo(rgb(upload));
        }

        @Test
        void dropsExifEntirelyWhenThePhotoIsUpright() throws Exception {
            CleanPhoto photo = sanitizer.clean(insertAfterApp0(jpeg(), segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 1))));

            assertThat(text(photo.bytes())).doesNotContain("Exif", GPS);
        }

        @Test
        void dropsTheThumbnailEmbeddedInJfif() throws Exception {
            byte[] plain = jpeg();
            int afterApp0 = 4 + u16(plain, 4);
            byte[] jfifWithThumbnail = concat(ascii("JFIF\0"), new byte[] {1, 2, 0, 0, 1, 0, 1, 2, 1}, ascii("THUMB!"));
            byte[] upload = concat(Arrays.copyOf(plain, 2), segment(0xE0, jfifWithThumbnail),
                    Arrays.copyOfRange(plain, afterApp0, plain.length));

            CleanPhoto photo = sanitizer.clean(upload);

            assertThat(text(photo.bytes())).doesNotContain("THUMB!");
            assertThat(rgb(photo.bytes())).isEqualTo(rgb(plain));
        }

        @Test
        void acceptsAFileCutOffAfterItsImageDataAndRestoresTheEnd() throws Exception {
            byte[] complete = jpegWithMetadata();
            byte[] withoutEoi = Arrays.copyOf(complete, lastIndexOfEoi(complete));

            assertThat(sanitizer.clean(withoutEoi).bytes()).isEqualTo(sanitizer.clean(complete).bytes());
        }

        @Test
        void rejectsASegmentLengthPointingPastTheEnd() throws Exception {
            byte[] upload = jpeg();
            int dqt = segmentStart(upload, 0xDB);
            upload[dqt + 2] = (byte) 0xFF;
            upload[dqt + 3] = (byte) 0xFF;

            assertThat(rejection(upload).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAFileCutOffInsideItsHeaders() throws Exception {
            assertThat(rejection(Arrays.copyOf(jpeg(), 30)).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAFileCutOffRightAfterTheScanHeader() throws Exception {
            byte[] plain = jpeg();
            int sos = segmentStart(plain, 0xDA);

            assertThat(rejection(Arrays.copyOf(plain, sos + 2 + u16(plain, sos + 2))).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAZeroHeightFrame() throws Exception {
            byte[] upload = jpeg();
            int sof = segmentStart(upload, 0xC0);
            upload[sof + 5] = 0;
            upload[sof + 6] = 0;

            assertThat(rejection(upload).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsMorePixelsThanAllowed() throws Exception {
            RejectedPhoto rejected = rejection(new PhotoSanitizer(MAX_BYTES, 1_000), jpeg());

            assertThat(rejected.reason()).isEqualTo(TOO_MANY_PIXELS);
            assertThat(rejected.getMessage()).contains("64 x 48", "0.001 megapixels");
        }
    }

    @Nested
    class Png {

        @Test
        void removesTextExifTimeAndUnknownChunksAndTrailingData() throws Exception {
            CleanPhoto photo = sanitizer.clean(pngWithMetadata());

            assertThat(photo.mediaType()).isEqualTo("image/png");
            assertThat(text(photo.bytes())).doesNotContain(MARKERS);
            List<String> plainChunks = chunkTypes(png());
            List<String> expected = new ArrayList<>(List.of("IHDR", "gAMA", "sRGB", "pHYs"));
            expected.addAll(plainChunks.subList(1, plainChunks.size()));
            assertThat(chunkTypes(photo.bytes())).isEqualTo(expected);
        }

        @Test
        void leavesThePixelsUntouched() throws Exception {
            CleanPhoto photo = sanitizer.clean(pngWithMetadata());

            assertThat(photo.width()).isEqualTo(WIDTH);
            assertThat(photo.height()).isEqualTo(HEIGHT);
            assertThat(rgb(photo.bytes())).isEqualTo(rgb(image()));
        }

        @Test
        void rejectsABadChecksum() throws Exception {
            byte[] upload = png();
            upload[chunkStart(upload, "IDAT") + 10] ^= 0x01;

            assertThat(rejection(upload).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsASignatureFollowedByGarbage() {
            byte[] garbage = new byte[200];
            new Random(7).nextBytes(garbage);

            assertThat(rejection(concat(Arrays.copyOf(png(), 8), garbage)).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAHugeDeclaredImageAsADecompressionBomb() {
            RejectedPhoto rejected = rejection(minimalPng(100_000, 100_000));

            assertThat(rejected.reason()).isEqualTo(TOO_MANY_PIXELS);
            assertThat(rejected.getMessage()).contains("100000 x 100000", "50 megapixels");
        }

        @Test
        void rejectsZeroWidth() {
            assertThat(rejection(minimalPng(0, 10)).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAFileWithoutImageData() {
            byte[] headerAndEnd = concat(Arrays.copyOf(png(), 33), pngChunk("IEND", new byte[0]));

            assertThat(rejection(headerAndEnd).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAFileNotStartingWithItsHeader() {
            byte[] plain = png();
            byte[] textFirst = concat(Arrays.copyOf(plain, 8), pngChunk("tEXt", ascii("Title\0x")),
                    Arrays.copyOfRange(plain, 8, plain.length));

            assertThat(rejection(textFirst).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAFileWithoutItsEndChunk() {
            byte[] plain = png();

            assertThat(rejection(Arrays.copyOf(plain, plain.length - 12)).reason()).isEqualTo(CORRUPT);
        }
    }

    @Nested
    class Webp {

        @Test
        void removesExifAndXmpChunksClearsTheirFlagsAndRewritesTheRiffSize() throws Exception {
            byte[] upload = webpWithMetadata();

            CleanPhoto photo = sanitizer.clean(upload);

            assertThat(photo.mediaType()).isEqualTo("image/webp");
            assertThat(photo.width()).isEqualTo(1);
            assertThat(photo.height()).isEqualTo(1);
            assertThat(text(photo.bytes())).doesNotContain(MARKERS);
            assertThat(photo.bytes()).isEqualTo(riff(vp8x(0x10, 1, 1), VP8L_1X1));
            assertThat(u32le(photo.bytes(), 4)).isEqualTo(photo.bytes().length - 8);
        }

        @Test
        void keepsACleanLosslessFileAsItIs() throws Exception {
            CleanPhoto photo = sanitizer.clean(WEBP_1X1);

            assertThat(photo.bytes()).isEqualTo(WEBP_1X1);
            assertThat(photo.width()).isEqualTo(1);
            assertThat(photo.height()).isEqualTo(1);
        }

        @Test
        void readsTheSizeFromALossyFrameHeader() throws Exception {
            CleanPhoto photo = sanitizer.clean(riff(webpChunk("VP8 ", vp8KeyFrame(640, 480))));

            assertThat(photo.width()).isEqualTo(640);
            assertThat(photo.height()).isEqualTo(480);
        }

        @Test
        void removesMetadataHiddenInsideAnimationFrames() throws Exception {
            byte[] anim = webpChunk("ANIM", new byte[6]);
            byte[] frameHeader = new byte[16];
            byte[] upload = riff(vp8x(0x12 | 0x08, 1, 1), anim,
                    webpChunk("ANMF", concat(frameHeader, VP8L_1X1, webpChunk("XYZW", ascii(GPS)))),
                    webpChunk("EXIF", ascii(CAMERA)));

            CleanPhoto photo = sanitizer.clean(upload);

            assertThat(photo.bytes())
                    .isEqualTo(riff(vp8x(0x12, 1, 1), anim, webpChunk("ANMF", concat(frameHeader, VP8L_1X1))));
        }

        @Test
        void rejectsACanvasLargerThanTheImageItHolds() {
            assertThat(rejection(riff(vp8x(0, 20_000, 20_000), VP8L_1X1)).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAHugeDeclaredCanvasAsADecompressionBomb() {
            byte[] frame = webpChunk("ANMF", concat(new byte[16], VP8L_1X1));

            assertThat(rejection(riff(vp8x(0x02, 10_000, 10_000), frame)).reason()).isEqualTo(TOO_MANY_PIXELS);
        }

        @Test
        void rejectsARiffSizePointingPastTheEnd() {
            byte[] upload = WEBP_1X1.clone();
            upload[4] += 2;

            assertThat(rejection(upload).reason()).isEqualTo(CORRUPT);
        }

        @Test
        void rejectsAChunkSizePointingPastTheEnd() {
            byte[] upload = WEBP_1X1.clone();
            upload[17] = 0x10;

            assertThat(rejection(upload).reason()).isEqualTo(CORRUPT);
        }
    }

    @Nested
    class AnyUpload {

        @Test
        void rejectsAnEmptyFile() {
            RejectedPhoto rejected = rejection(new byte[0]);

            assertThat(rejected.reason()).isEqualTo(EMPTY);
            assertThat(rejected.getMessage()).isEqualTo("The file is empty; please choose the photo again");
        }

        @Test
        void rejectsAFileOverTheLimitBeforeLookingInsideIt() {
            RejectedPhoto rejected = rejection(new byte[MAX_BYTES + 1]);

            assertThat(rejected.reason()).isEqualTo(TOO_LARGE);
            assertThat(rejected.getMessage()).contains("10 MB");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.requests.internal.photos.PhotoSanitizerUnitTest#otherImageFormats")
        void namesImageFormatsItRecognisesButDoesNotAccept(String format, byte[] upload) {
            RejectedPhoto rejected = rejection(upload);

            assertThat(rejected.reason()).isEqualTo(UNSUPPORTED_TYPE);
            assertThat(rejected.getMessage())
                    .isEqualTo(format + " images are not accepted; please send the photo as a JPEG, PNG or WebP file");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.requests.internal.photos.PhotoSanitizerUnitTest#nonImages")
        void rejectsFilesThatAreNotImagesWhateverTheyAreCalled(String what, byte[] upload) {
            RejectedPhoto rejected = rejection(upload);

            assertThat(rejected.reason()).isEqualTo(NOT_AN_IMAGE);
            assertThat(rejected.getMessage()).isEqualTo("The file is not a JPEG, PNG or WebP image");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.requests.internal.photos.PhotoSanitizerUnitTest#validSamples")
        void answersRandomlyDamagedFilesOnlyWithACleanPhotoOrARejection(String format, byte[] valid) {
            Random random = new Random(0x5EED);
            for (int i = 0; i < 2_000; i++) {
                byte[] damaged = damage(valid, random);
                if (format.equals("PNG") && random.nextBoolean()) {
                    resealChecksums(damaged);
                }
                assertThatCode(() -> cleanOrReject(damaged)).as("%s damage #%d", format, i).doesNotThrowAnyException();
            }
        }

        private void cleanOrReject(byte[] upload) {
            try {
                sanitizer.clean(upload);
            } catch (RejectedPhoto expected) {
                // Either outcome is fine; anything else is a bug.
            }
        }
    }

    static Stream<Arguments> otherImageFormats() {
        return Stream.of(
                Arguments.of("GIF", encode(image(), "gif")),
                Arguments.of("BMP", encode(image(), "bmp")),
                Arguments.of("TIFF", encode(image(), "tiff")),
                Arguments.of("HEIC", concat(HexFormat.of().parseHex("00000018"), ascii("ftypheic\0\0\0\0mif1heic"))),
                Arguments.of("AVIF",
                        concat(HexFormat.of().parseHex("0000001c"), ascii("ftypavif\0\0\0\0avifmif1miaf"))),
                Arguments.of("SVG", ascii("<?xml version=\"1.0\"?>\n"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\">"
                        + "<script>alert(1)</script></svg>")));
    }

    static Stream<Arguments> nonImages() {
        return Stream.of(
                Arguments.of("one byte", new byte[] {(byte) 0xFF}),
                Arguments.of("HTML saved as photo.jpg",
                        ascii("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>")),
                Arguments.of("PDF", ascii("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")),
                Arguments.of("ZIP", concat(ascii("PK\u0003\u0004"), new byte[40])),
                Arguments.of("WAV", concat(ascii("RIFF"), new byte[] {36, 0, 0, 0}, ascii("WAVEfmt "), new byte[28])),
                Arguments.of("start of a JPEG only", new byte[] {(byte) 0xFF, (byte) 0xD8}),
                Arguments.of("text", ascii("just some words")));
    }

    static Stream<Arguments> validSamples() {
        return Stream.of(
                Arguments.of("JPEG", jpegWithMetadata()),
                Arguments.of("PNG", pngWithMetadata()),
                Arguments.of("WebP", webpWithMetadata()));
    }

    // ---- Building real files, then adding metadata by hand ----

    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | random.nextInt(256));
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).as("ImageIO writes %s", format).isTrue();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg() {
        return encode(image(), "jpeg");
    }

    private static byte[] png() {
        return encode(image(), "png");
    }

    private static byte[] jpegWithMetadata() {
        byte[] xmp = concat(ascii("http://ns.adobe.com/xap/1.0/\0"),
                ascii("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><xmp:CreatorTool>" + XMP
                        + "</xmp:CreatorTool></x:xmpmeta>"));
        byte[] iptc = concat(ascii("Photoshop 3.0\08BIM"), new byte[] {0x04, 0x04, 0, 0}, ascii(IPTC));
        return concat(insertAfterApp0(jpeg(),
                segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 1)),
                segment(0xE1, xmp),
                app2IccProfile(),
                segment(0xED, iptc),
                segment(0xEF, ascii("vendor " + CAMERA)),
                segment(0xFE, ascii(COMMENT))), ascii(HIDDEN));
    }

    private static byte[] exif(ByteOrder order, int orientation) {
        return concat(ascii("Exif\0\0"), tiff(order, orientation));
    }

    /** A TIFF structure as cameras write it: the GPS position in a text field, the camera model and the orientation. */
    private static byte[] tiff(ByteOrder order, int orientation) {
        byte[] description = ascii(GPS + "\0");
        byte[] model = ascii(CAMERA + "\0");
        int values = 8 + 2 + 3 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(values + description.length + model.length).order(order);
        tiff.put(ascii(order == ByteOrder.BIG_ENDIAN ? "MM" : "II")).putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(values);
        tiff.putShort((short) 0x0110).putShort((short) 2).putInt(model.length).putInt(values + description.length);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        return tiff.putInt(0).put(description).put(model).array();
    }

    private static byte[] app2IccProfile() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        return segment(0xE2, concat(ascii("ICC_PROFILE\0"), new byte[] {1, 1}, profile));
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    /** ImageIO writes the JFIF APP0 segment right after SOI; metadata goes where cameras put it, after that. */
    private static byte[] insertAfterApp0(byte[] jpeg, byte[]... segments) {
        int afterApp0 = 4 + u16(jpeg, 4);
        return concat(Arrays.copyOf(jpeg, afterApp0), concat(segments),
                Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
    }

    /** The offset of the first segment with the given marker, found by walking segment lengths from SOI. */
    private static int segmentStart(byte[] jpeg, int marker) {
        int p = 2;
        while ((jpeg[p + 1] & 0xFF) != marker) {
            p += 2 + u16(jpeg, p + 2);
        }
        return p;
    }

    private static int lastIndexOfEoi(byte[] jpeg) {
        int i = jpeg.length - 2;
        while (!((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD9)) {
            i--;
        }
        return i;
    }

    private static byte[] pngWithMetadata() {
        byte[] plain = png();
        return concat(Arrays.copyOf(plain, 33),
                pngChunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}),
                pngChunk("sRGB", new byte[] {0}),
                pngChunk("tEXt", ascii("Comment\0" + COMMENT)),
                pngChunk("zTXt", concat(ascii("Location\0\0"), deflate(ascii(GPS)))),
                pngChunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + XMP + "</x:xmpmeta>")),
                pngChunk("eXIf", tiff(ByteOrder.BIG_ENDIAN, 1)),
                pngChunk("tIME", new byte[] {0x07, (byte) 0xE8, 6, 7, 12, 30, 0}),
                pngChunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}),
                pngChunk("prVt", ascii(IPTC)),
                Arrays.copyOfRange(plain, 33, plain.length),
                ascii(HIDDEN));
    }

    private static byte[] minimalPng(int width, int height) {
        byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0}).array();
        return concat(Arrays.copyOf(png(), 8), pngChunk("IHDR", header), pngChunk("IDAT", deflate(new byte[16])),
                pngChunk("IEND", new byte[0]));
    }

    private static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(ascii(type)).put(data).putInt((int) crc.getValue()).array();
    }

    private static int chunkStart(byte[] png, String type) {
        int p = 8;
        while (!Bytes.fourCc(png, p + 4).equals(type)) {
            p += 12 + (int) Bytes.u32be(png, p);
        }
        return p;
    }

    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        for (int p = 8; p < png.length; p += 12 + (int) Bytes.u32be(png, p)) {
            types.add(Bytes.fourCc(png, p + 4));
        }
        return types;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }

    private static byte[] webpWithMetadata() {
        // An odd-sized XMP payload, so a pad byte follows it.
        byte[] xmp = ascii("<x:xmpmeta>" + XMP + "</x:xmpmeta>\n");
        assertThat(xmp.length % 2).isEqualTo(1);
        return riff(vp8x(0x10 | 0x08 | 0x04, 1, 1), VP8L_1X1,
                webpChunk("EXIF", tiff(ByteOrder.LITTLE_ENDIAN, 6)),
                webpChunk("XMP ", xmp));
    }

    private static byte[] vp8x(int flags, int width, int height) {
        ByteBuffer payload = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        payload.putInt(flags).put(u24le(width - 1)).put(u24le(height - 1));
        return webpChunk("VP8X", payload.array());
    }

    /** A lossy key frame header: frame tag, start code and the 14-bit dimensions; the rest is not decoded here. */
    private static byte[] vp8KeyFrame(int width, int height) {
        return ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A})
                .putShort((short) width).putShort((short) height).array();
    }

    private static byte[] webpChunk(String type, byte[] payload) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + payload.length + payload.length % 2).order(ByteOrder.LITTLE_ENDIAN);
        return chunk.put(ascii(type)).putInt(payload.length).put(payload).array();
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(4 + body.length).put(ascii("WEBP"));
        return concat(header.array(), body);
    }

    // ---- Small helpers ----

    private RejectedPhoto rejection(byte[] upload) {
        return rejection(sanitizer, upload);
    }

    private static RejectedPhoto rejection(PhotoSanitizer sanitizer, byte[] upload) {
        try {
            CleanPhoto accepted = sanitizer.clean(upload);
            return fail("expected a rejection but got a %d x %d %s", accepted.width(), accepted.height(),
                    accepted.mediaType());
        } catch (RejectedPhoto rejected) {
            return rejected;
        }
    }

    /** Overwrites a few bytes, favouring the headers where the structure is, and sometimes cuts the file short. */
    private static byte[] damage(byte[] valid, Random random) {
        byte[] damaged = valid.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int bound = random.nextBoolean() ? Math.min(200, damaged.length) : damaged.length;
            damaged[random.nextInt(bound)] = (byte) random.nextInt(256);
        }
        return random.nextInt(5) == 0 ? Arrays.copyOf(damaged, random.nextInt(damaged.length)) : damaged;
    }

    /** Recomputes the CRC of every complete chunk, so the damage also reaches the checks behind the checksum. */
    private static void resealChecksums(byte[] png) {
        for (int p = 8; p + 12 <= png.length; ) {
            long length = Bytes.u32be(png, p);
            if (length > png.length - p - 12) {
                return;
            }
            CRC32 crc = new CRC32();
            crc.update(png, p + 4, 4 + (int) length);
            ByteBuffer.wrap(png).putInt(p + 8 + (int) length, (int) crc.getValue());
            p += 12 + (int) length;
        }
    }

    private static int[] rgb(byte[] encoded) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
        assertThat(image).as("decodes").isNotNull();
        return rgb(image);
    }

    private static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private static long u32le(byte[] data, int at) {
        return Bytes.u32le(data, at);
    }

    private static byte[] u24le(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static byte[] ascii(String text) {
        return text.getBytes(ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
