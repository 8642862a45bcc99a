package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.commonweal.ledger.tlog.NoteException.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointUnitTest {

    private static final byte[] ROOT = MerkleHash.leafHash(new byte[0]);
    private static final String ROOT_BASE64 = "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=";

    @Nested
    class Formatting {

        @Test
        void writesOriginSizeAndBase64RootEachOnItsOwnLine() {
            assertThat(new Checkpoint("commonweal.example/ledger", 1, ROOT).toNoteText())
                    .isEqualTo("commonweal.example/ledger\n1\n" + ROOT_BASE64 + "\n");
        }

        @Test
        void appendsExtensionLinesAfterTheRoot() {
            Checkpoint checkpoint = new Checkpoint("o", 0, MerkleHash.emptyTreeRoot(), List.of("ext one", "ext two"));

            assertThat(checkpoint.toNoteText()).isEqualTo("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\next two\n");
            assertThat(Checkpoint.parse(checkpoint.toNoteText())).isEqualTo(checkpoint);
        }

        @Test
        void refusesFieldsThatWouldBreakTheTextLayout() {
            assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).isInstanceOf(NoteException.class);
            assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT)).isInstanceOf(NoteException.class);
            assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT)).isInstanceOf(NoteException.class);
            assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31])).isInstanceOf(NoteException.class);
            assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, List.of(""))).isInstanceOf(NoteException.class);
        }
    }

    @Nested
    class Parsing {

        @Test
        void readsBackWhatWasFormatted() {
            Checkpoint checkpoint = new Checkpoint("commonweal.example/ledger", 9_223_372_036_854_775_807L, ROOT);

            assertThat(Checkpoint.parse(checkpoint.toNoteText())).isEqualTo(checkpoint);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "o\n1\n" + ROOT_BASE64,
            "o\n1\n",
            "\n1\n" + ROOT_BASE64 + "\n",
            "o\n01\n" + ROOT_BASE64 + "\n",
            "o\n+1\n" + ROOT_BASE64 + "\n",
            "o\n-1\n" + ROOT_BASE64 + "\n",
            "o\n١\n" + ROOT_BASE64 + "\n",
            "o\n 1\n" + ROOT_BASE64 + "\n",
            "o\n9223372036854775808\n" + ROOT_BASE64 + "\n",
            "o\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0\n",
            "o\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB1=\n",
            "o\n1\nAAAA\n",
            "o\n1\n" + ROOT_BASE64 + "\n\n",
            "o\n1\n" + ROOT_BASE64 + "\next\n\nmore\n",
            "o\r\n1\n" + ROOT_BASE64 + "\n",
        })
        void rejectsTextThatIsNotExactlyACheckpoint(String text) {
            assertThatThrownBy(() -> Checkpoint.parse(text))
                    .isInstanceOf(NoteException.class)
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.MALFORMED_CHECKPOINT);
        }
    }

    @Nested
    class SignedCheckpoints {

        @Test
        void signsAndVerifiesWithAFreshKey() {
            NoteKeys.GeneratedKey key = NoteKeys.generate("commonweal.example/ledger");
            Checkpoint checkpoint = new Checkpoint("commonweal.example/ledger", 1, ROOT);
            String note = NoteSigner.fromSignerKey(key.signerKey()).signNote(checkpoint.toNoteText());

            assertThat(Checkpoint.verifyAndParse(note, List.of(NoteVerifier.fromVerifierKey(key.verifierKey()))))
                    .isEqualTo(checkpoint);
            assertThatThrownBy(() -> Checkpoint.verifyAndParse(note.replace("\n1\n", "\n2\n"),
                    List.of(NoteVerifier.fromVerifierKey(key.verifierKey()))))
                    .isInstanceOf(NoteException.class)
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.INVALID_SIGNATURE);
        }
    }
}
