package org.commonweal.opendata.datastore.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreRefused;

/**
 * Which encoding a CSV file is in. Government CSV files come as UTF-8 (with or without the BOM
 * Excel writes) or, saved by Chinese Excel, as GBK. A byte-order mark decides; otherwise the
 * whole file is decoded strictly as UTF-8, and if that fails, strictly as GB18030 (a superset of
 * GBK and GB2312). Random bytes pass neither, and NUL bytes mark a file that is not text at all.
 */
public final class TextEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SAMPLE = 64 * 1024;

    /** The encoding and how many bytes of byte-order mark to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    private TextEncoding() {
    }

    public static Detected detect(Path file) throws IOException {
        byte[] head = readHead(file);
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        refuseBinary(head);
        long utf8Failure = firstUndecodableLine(file, StandardCharsets.UTF_8);
        if (utf8Failure == 0) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        if (firstUndecodableLine(file, GB18030) == 0) {
            return new Detected(GB18030, 0);
        }
        throw DatastoreRefused.atLine(DatastoreErrorCode.ENCODING_UNREADABLE, utf8Failure,
                "the file is neither UTF-8 nor GBK/GB18030 text. Save it from your spreadsheet as \"CSV UTF-8\".");
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE);
        }
    }

    /** Text has no NUL bytes and few control characters; binary files (images, archives, .xls) have many. */
    private static void refuseBinary(byte[] head) {
        int controls = 0;
        for (byte b : head) {
            if (b == 0) {
                throw DatastoreRefused.file(DatastoreErrorCode.NOT_TEXT,
                        "The file is not text (it contains NUL bytes): it cannot be a CSV file. An Excel workbook must be uploaded as .xlsx.");
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        if (controls > head.length / 100 + 1) {
            throw DatastoreRefused.file(DatastoreErrorCode.NOT_TEXT,
                    "The file is not text (it is full of control characters): it cannot be a CSV file.");
        }
    }

    /** 0 if the whole file decodes strictly, else the line of the first bad byte sequence. */
    static long firstUndecodableLine(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(SAMPLE);
        CharBuffer chars = CharBuffer.allocate(SAMPLE);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return line + newlines(chars);
                }
                line += newlines(chars);
                chars.clear();
                bytes.compact();
            }
            CoderResult flushed = decoder.flush(chars);
            if (flushed.isError()) {
                return line;
            }
        } catch (CharacterCodingException e) {
            return line;
        }
        return 0;
    }

    private static long newlines(CharBuffer chars) {
        long count = 0;
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
