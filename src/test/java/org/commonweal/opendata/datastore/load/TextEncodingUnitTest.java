package org.commonweal.opendata.datastore.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextEncodingUnitTest {

    @TempDir
    Path directory;

    private Path file(byte[] content) throws IOException {
        return Files.write(directory.resolve("f.csv"), content);
    }

    @Test
    void readsUtf8WithAndWithoutByteOrderMark() throws IOException {
        assertThat(TextEncoding.detect(file("名称\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_8, 0));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(TextEncoding.detect(file(bom))).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_8, 3));
    }

    @Test
    void fallsBackToGb18030ForGbkFiles() throws IOException {
        assertThat(TextEncoding.detect(file("名称,数量\n苹果,3\n".getBytes(TextEncoding.GB18030))).charset()).isEqualTo(TextEncoding.GB18030);
    }

    @Test
    void findsGbkAfterALongAsciiStart() throws IOException {
        byte[] ascii = "a,b\n1,2\n".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        byte[] chinese = "东城,3\n".getBytes(TextEncoding.GB18030);
        byte[] both = new byte[ascii.length + chinese.length];
        System.arraycopy(ascii, 0, both, 0, ascii.length);
        System.arraycopy(chinese, 0, both, ascii.length, chinese.length);
        assertThat(TextEncoding.detect(file(both)).charset()).isEqualTo(TextEncoding.GB18030);
        assertThat(TextEncoding.firstUndecodableLine(file(both), StandardCharsets.UTF_8)).isEqualTo(40_001);
    }

    @Test
    void recognisesUtf16ByItsByteOrderMark() throws IOException {
        byte[] text = "\uFEFFa\tb\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextEncoding.detect(file(text))).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_16LE, 2));
    }

    @Test
    void refusesBinaryFiles() throws IOException {
        Path png = file(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        assertThatThrownBy(() -> TextEncoding.detect(png))
                .isInstanceOfSatisfying(DatastoreRefused.class, e -> assertThat(e.code()).isEqualTo(DatastoreErrorCode.NOT_TEXT));
    }
}
