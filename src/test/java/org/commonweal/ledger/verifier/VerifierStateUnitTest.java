package org.commonweal.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.commonweal.ledger.tlog.NoteKeys;
import org.commonweal.ledger.tlog.NoteVerifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierStateUnitTest {

    private static final String KEY = NoteKeys.generate("commonweal.test/ledger").verifierKey();
    private static final byte[] ROOT = new byte[32];

    static {
        for (int i = 0; i < ROOT.length; i++) {
            ROOT[i] = (byte) (i * 7);
        }
    }

    private static final VerifierState STATE = new VerifierState("commonweal.test/ledger", KEY, 1234, ROOT);
    private static final String TEXT = "commonweal-ledger-verifier-state 1\n"
            + "origin commonweal.test/ledger\n"
            + "verifier-key " + KEY + "\n"
            + "size 1234\n"
            + "root " + Base64.getEncoder().encodeToString(ROOT) + "\n";

    @TempDir
    Path directory;

    @Nested
    class Format {

        @Test
        void writesOneFieldPerLineAfterTheFormatLine() {
            assertThat(STATE.format()).isEqualTo(TEXT);
        }

        @Test
        void readsBackWhatItWrites() {
            assertThat(VerifierState.parse(TEXT)).isEqualTo(STATE);
        }

        @Test
        void keepsSpacesInTheOrigin() {
            VerifierState spaced = new VerifierState("my log", KEY, 0, ROOT);

            assertThat(VerifierState.parse(spaced.format())).isEqualTo(spaced);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "wrong header", "missing line", "extra line", "swapped lines", "size with plus", "size with leading zero",
            "negative size", "root not canonical", "root too short", "key mangled", "no final newline", "empty origin",
        })
        void rejectsAnythingElse(String variant) {
            String broken = switch (variant) {
                case "wrong header" -> TEXT.replace("state 1", "state 2");
                case "missing line" -> TEXT.replace("size 1234\n", "");
                case "extra line" -> TEXT + "note hello\n";
                case "swapped lines" -> TEXT.replace("size 1234\nroot", "root").replace("\n" + "origin", "\nsize 1234\norigin");
                case "size with plus" -> TEXT.replace("size 1234", "size +1234");
                case "size with leading zero" -> TEXT.replace("size 1234", "size 01234");
                case "negative size" -> TEXT.replace("size 1234", "size -1");
                case "root not canonical" -> TEXT.replace("root " + Base64.getEncoder().encodeToString(ROOT),
                        "root " + Base64.getEncoder().withoutPadding().encodeToString(ROOT));
                case "root too short" -> TEXT.replace("root " + Base64.getEncoder().encodeToString(ROOT), "root AAAA");
                case "key mangled" -> TEXT.replace(KEY, KEY.replace("commonweal.test/ledger+", "other+"));
                case "no final newline" -> TEXT.substring(0, TEXT.length() - 1);
                case "empty origin" -> TEXT.replace("origin commonweal.test/ledger", "origin ");
                default -> throw new IllegalArgumentException(variant);
            };

            assertThatThrownBy(() -> VerifierState.parse(broken)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Files_ {

        @Test
        void roundTripsThroughAFile() throws IOException {
            Path file = directory.resolve("ledger.state");

            STATE.write(file);

            assertThat(Files.readString(file)).isEqualTo(TEXT);
            assertThat(VerifierState.read(file)).isEqualTo(STATE);
        }

        @Test
        void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
            Path file = directory.resolve("ledger.state");
            STATE.write(file);
            VerifierState grown = new VerifierState(STATE.origin(), KEY, 5000, ROOT);

            grown.write(file);

            assertThat(VerifierState.read(file)).isEqualTo(grown);
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files).containsExactly(file);
            }
        }

        @Test
        void reportsAnUnreadableFileAsAnIoErrorNamingIt() throws IOException {
            Path file = directory.resolve("ledger.state");
            Files.write(file, TEXT.replace("size 1234", "size lots").getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> VerifierState.read(file))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("size");
        }

        @Test
        void refusesInvalidUtf8() throws IOException {
            Path file = directory.resolve("ledger.state");
            Files.write(file, new byte[] {(byte) 0xC3, 0x28, '\n'});

            assertThatThrownBy(() -> VerifierState.read(file)).isInstanceOf(IOException.class).hasMessageContaining("UTF-8");
        }
    }

    @Test
    void givesBackTheVerifierItRecorded() {
        assertThat(STATE.verifier().verifierKey()).isEqualTo(NoteVerifier.fromVerifierKey(KEY).verifierKey());
    }
}
