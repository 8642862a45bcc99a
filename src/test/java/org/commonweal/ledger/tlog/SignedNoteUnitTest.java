package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.commonweal.ledger.tlog.NoteException.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class SignedNoteUnitTest {

    private static final JsonNode VECTORS = ReferenceData.signedNoteVectors().get("vectors");

    static Stream<JsonNode> verifiableVectors() {
        List<JsonNode> verifiable = VECTORS.values().stream().filter(v -> v.has("vkey")).toList();
        assertThat(verifiable).hasSize(3);
        return verifiable.stream();
    }

    private static JsonNode vector(String id) {
        return VECTORS.values().stream().filter(v -> v.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static final String GO_VERIFIER_KEY = vector("golang-mod-note-example").get("vkey").asString();
    private static final String GO_SIGNER_KEY = vector("golang-mod-note-example").get("skey_public_test_key").asString();

    @Nested
    class Vectors {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.ledger.tlog.SignedNoteUnitTest#verifiableVectors")
        void verifiesWithTheVectorsVerifierKey(JsonNode vector) {
            NoteVerifier verifier = NoteVerifier.fromVerifierKey(vector.get("vkey").asString());

            VerifiedNote note = SignedNote.parse(vector.get("note").asString()).verify(List.of(verifier));

            assertThat(note.verifiedSignatures()).singleElement().satisfies(s -> assertThat(s.keyName()).isEqualTo(verifier.keyName()));
            if (vector.has("signedText")) {
                assertThat(note.text()).isEqualTo(vector.get("signedText").asString());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.ledger.tlog.SignedNoteUnitTest#verifiableVectors")
        void formatsBackToTheExactNote(JsonNode vector) {
            String note = vector.get("note").asString();

            assertThat(SignedNote.parse(note).format()).isEqualTo(note);
        }

        @Test
        void goTestSignerKeyBelongsToItsVerifierKeyAndReproducesTheGoNote() {
            JsonNode go = vector("golang-mod-note-example");
            NoteSigner signer = NoteSigner.fromSignerKey(GO_SIGNER_KEY);

            assertThat(signer.verifier().verifierKey()).isEqualTo(GO_VERIFIER_KEY);
            // Ed25519 is deterministic, so signing the same text gives the same note byte for byte.
            assertThat(signer.signNote(go.get("signedText").asString())).isEqualTo(go.get("note").asString());
        }

        @Test
        void reproducesTheDerivedCheckpointOfTheReferenceTree() {
            byte[] root = ReferenceData.hex(ReferenceData.referenceTree().get("rootHashesBySize").get(8).asString());
            NoteSigner signer = NoteSigner.fromSignerKey(GO_SIGNER_KEY);

            String note = signer.signNote(new Checkpoint("PeterNeumann", 8, root).toNoteText());

            assertThat(note).isEqualTo(vector("derived-checkpoint-8-leaf-tree").get("note").asString());
            assertThat(Checkpoint.verifyAndParse(note, List.of(NoteVerifier.fromVerifierKey(GO_VERIFIER_KEY))))
                    .isEqualTo(new Checkpoint("PeterNeumann", 8, root));
        }

        @Test
        void parsesTheSpecCheckpointExampleWhoseKeyIsUnpublished() {
            SignedNote note = SignedNote.parse(vector("c2sp-tlog-checkpoint-example").get("note").asString());

            Checkpoint checkpoint = Checkpoint.parse(note.text());

            assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
            assertThat(checkpoint.size()).isEqualTo(20_852_163L);
            assertThat(Base64.getEncoder().encodeToString(checkpoint.rootHash()))
                    .isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
            assertThat(note.signatures()).singleElement().satisfies(s -> assertThat(s.keyName()).isEqualTo("example.com/behind-the-sofa"));
        }
    }

    @Nested
    class Tampering {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.ledger.tlog.SignedNoteUnitTest#verifiableVectors")
        void anyOneByteChangeToTheTextIsRejected(JsonNode vector) {
            NoteVerifier verifier = NoteVerifier.fromVerifierKey(vector.get("vkey").asString());
            SignedNote original = SignedNote.parse(vector.get("note").asString());
            byte[] text = original.text().getBytes(StandardCharsets.UTF_8);
            String signatures = original.format().substring(original.text().length());

            for (int i = 0; i < text.length; i++) {
                byte[] changed = text.clone();
                changed[i] ^= 0x01;
                byte[] note = concat(changed, signatures.getBytes(StandardCharsets.UTF_8));
                int position = i;
                assertThatThrownBy(() -> SignedNote.parse(note).verify(List.of(verifier)))
                        .as("text byte %d", position).isInstanceOf(NoteException.class);
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.ledger.tlog.SignedNoteUnitTest#verifiableVectors")
        void anyOneByteChangeToTheSignatureIsRejected(JsonNode vector) {
            NoteVerifier verifier = NoteVerifier.fromVerifierKey(vector.get("vkey").asString());
            SignedNote original = SignedNote.parse(vector.get("note").asString());
            NoteSignature signature = original.signatures().getFirst();
            byte[] bytes = signature.signature();

            for (int i = 0; i < bytes.length; i++) {
                byte[] changed = bytes.clone();
                changed[i] ^= 0x01;
                SignedNote forged = new SignedNote(original.text(), List.of(new NoteSignature(signature.keyName(), signature.keyId(), changed)));
                assertThatThrownBy(() -> SignedNote.parse(forged.format()).verify(List.of(verifier)))
                        .isInstanceOf(NoteException.class)
                        .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.INVALID_SIGNATURE);
            }
            // A changed key ID makes it a signature by some other, unknown key: ignored, so nothing verifies.
            SignedNote otherId = new SignedNote(original.text(), List.of(new NoteSignature(signature.keyName(), signature.keyId() ^ 1, bytes)));
            assertThatThrownBy(() -> otherId.verify(List.of(verifier)))
                    .isInstanceOf(NoteException.class)
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.NO_TRUSTED_SIGNATURE);
        }
    }

    @Nested
    class Parsing {

        private static final String SIGNATURE = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "no blank line\n" + SIGNATURE,
            "text\n\n",
            "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            "text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014 Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
            "text\n\n\u2014 PeterNeumann x08gow==\n",
            "text\n\n\u2014 PeterNeumann\n",
            "tab\there\n\n" + SIGNATURE,
            "carriage return\r\n\n" + SIGNATURE,
            "text\n\n" + SIGNATURE + "\n",
        })
        void rejectsMalformedNotes(String note) {
            assertThatThrownBy(() -> SignedNote.parse(note))
                    .isInstanceOf(NoteException.class)
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.MALFORMED_NOTE);
        }

        @Test
        void rejectsInvalidUtf8() {
            byte[] note = concat(new byte[] {'a', (byte) 0xC3, '\n', '\n'}, SIGNATURE.getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(NoteException.class).hasMessageContaining("UTF-8");
        }

        @Test
        void splitsAtTheLastBlankLineSoTheTextMayContainBlankLines() {
            NoteSigner signer = NoteSigner.fromSignerKey(GO_SIGNER_KEY);
            String text = "first\n\nthird\n\n";

            SignedNote note = SignedNote.parse(signer.signNote(text));

            assertThat(note.text()).isEqualTo(text);
            assertThat(note.verify(List.of(signer.verifier())).text()).isEqualTo(text);
        }

        @Test
        void refusesToSignTextThatIsNotValidNoteText() {
            NoteSigner signer = NoteSigner.fromSignerKey(GO_SIGNER_KEY);

            assertThatThrownBy(() -> signer.sign("no newline")).isInstanceOf(NoteException.class).hasMessageContaining("newline");
            assertThatThrownBy(() -> signer.sign("bell\u0007\n")).isInstanceOf(NoteException.class).hasMessageContaining("U+0007");
        }
    }

    @Nested
    class Verification {

        private final NoteSigner log = NoteSigner.fromSignerKey(GO_SIGNER_KEY);
        private final NoteSigner witness = NoteSigner.fromSignerKey(NoteKeys.generate("witness.example/w1").signerKey());
        private final String text = "commonweal.example/ledger\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n";

        @Test
        void ignoresSignaturesFromUnknownKeysButReportsThem() {
            SignedNote note = SignedNote.parse(log.signNote(text)).withSignature(witness.sign(text));

            VerifiedNote verified = note.verify(List.of(log.verifier()));

            assertThat(verified.verifiedSignatures()).extracting(NoteSignature::keyName).containsExactly("PeterNeumann");
            assertThat(verified.unknownSignatures()).extracting(NoteSignature::keyName).containsExactly("witness.example/w1");
        }

        @Test
        void treatsAKeyWithTheSameNameButAnotherIdAsUnknown() {
            NoteSigner impostor = NoteSigner.fromSignerKey(NoteKeys.generate("PeterNeumann").signerKey());
            SignedNote note = SignedNote.parse(impostor.signNote(text));

            assertThatThrownBy(() -> note.verify(List.of(log.verifier())))
                    .isInstanceOf(NoteException.class)
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.NO_TRUSTED_SIGNATURE);
        }

        @Test
        void rejectsTheWholeNoteWhenOneTrustedSignatureFails() {
            NoteSignature good = log.sign(text);
            byte[] bad = witness.sign(text).signature();
            NoteSignature forgedWitness = new NoteSignature(witness.keyName(), witness.keyId(), bad.clone());
            bad[0] ^= 1;
            NoteSignature broken = new NoteSignature(witness.keyName(), witness.keyId(), bad);
            SignedNote note = new SignedNote(text, List.of(good, broken));

            assertThatThrownBy(() -> note.verify(List.of(log.verifier(), witness.verifier())))
                    .isInstanceOf(NoteException.class)
                    .hasMessageContaining("witness.example/w1")
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.INVALID_SIGNATURE);
            assertThat(new SignedNote(text, List.of(good, forgedWitness)).verify(List.of(log.verifier(), witness.verifier()))
                    .verifiedSignatures()).hasSize(2);
        }

        @Test
        void acceptsAtLeastSixteenSignatures() {
            List<NoteSignature> signatures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                signatures.add(NoteSigner.fromSignerKey(NoteKeys.generate("w" + i).signerKey()).sign(text));
            }
            signatures.add(log.sign(text));

            assertThat(SignedNote.parse(new SignedNote(text, signatures).format()).verify(List.of(log.verifier()))
                    .unknownSignatures()).hasSize(16);
        }
    }

    @Nested
    class Keys {

        @Test
        void generatesKeyStringsInGoNoteFormatThatWorkTogether() {
            NoteKeys.GeneratedKey key = NoteKeys.generate("commonweal.example/ledger");

            assertThat(key.signerKey()).matches("PRIVATE\\+KEY\\+commonweal\\.example/ledger\\+[0-9a-f]{8}\\+A[A-Za-z0-9+/]{43}");
            assertThat(key.verifierKey()).matches("commonweal\\.example/ledger\\+[0-9a-f]{8}\\+A[A-Za-z0-9+/]{43}");
            NoteSigner signer = NoteSigner.fromSignerKey(key.signerKey());
            assertThat(signer.verifier().verifierKey()).isEqualTo(key.verifierKey());
            String note = signer.signNote("hello\n");
            assertThat(SignedNote.parse(note).verify(List.of(NoteVerifier.fromVerifierKey(key.verifierKey()))).text()).isEqualTo("hello\n");
            assertThat(key.toString()).doesNotContain(key.signerKey());
            // the secret is the fifth field; base64 may itself contain '+', so split on the first four only
            assertThat(signer.toString()).doesNotContain(key.signerKey().split("\\+", 5)[4]);
        }

        @Test
        void derivesTheKeyIdFromNameAndPublicKey() {
            NoteVerifier verifier = NoteVerifier.fromVerifierKey(GO_VERIFIER_KEY);

            assertThat(verifier.keyId()).isEqualTo(0xc74f20a3);
            assertThat(NoteKeys.keyId("PeterNeumann", verifier.publicKey())).isEqualTo(0xc74f20a3);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann+c74f20a3+AhpcYZqqcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10",
            "PeterNeumann+c74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann",
        })
        void rejectsBadVerifierKeys(String verifierKey) {
            assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(verifierKey))
                    .isInstanceOf(NoteException.class)
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.INVALID_KEY);
        }

        @Test
        void rejectsASignerKeyWhoseIdBelongsToAnotherKey() {
            String wrongId = GO_SIGNER_KEY.replace("+c74f20a3+", "+c74f20a4+");

            assertThatThrownBy(() -> NoteSigner.fromSignerKey(wrongId))
                    .isInstanceOf(NoteException.class)
                    .hasMessageNotContaining("AYEKFALV")
                    .extracting(e -> ((NoteException) e).kind()).isEqualTo(Kind.INVALID_KEY);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
