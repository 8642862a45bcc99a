package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The transparency-dev/merkle probe vectors (inclusion and consistency, not the newer subtree
 * proofs): the verifier must fail exactly when a vector says {@code wantErr}.
 */
class ProofVectorsUnitTest {

    /**
     * The one vector where the strict "every hash is 32 bytes" rule deliberately disagrees with the
     * reference implementation. Its roots are the 12-byte placeholder "don't care 2"; Go's verifier
     * only compares them for equality when size1 == size2, so upstream expects success. This kernel
     * rejects any hash that is not 32 bytes. What the vector is about (equal sizes, empty proof,
     * equal roots is fine) is asserted below with real 32-byte roots.
     */
    private static final Set<String> STRICTER_THAN_UPSTREAM =
            Set.of("consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");

    static Stream<Path> inclusionVectors() {
        return ReferenceData.jsonFilesUnder(ReferenceData.merkleTestdata().resolve("inclusion")).stream();
    }

    static Stream<Path> consistencyVectors() {
        return ReferenceData.jsonFilesUnder(ReferenceData.merkleTestdata().resolve("consistency")).stream();
    }

    @Test
    void vectorDirectoriesHoldEnoughFilesForTheSuiteToMeanSomething() {
        long inclusion = inclusionVectors().count();
        long consistency = consistencyVectors().count();

        assertThat(inclusion + consistency).isGreaterThan(150);
        assertThat(inclusion).isGreaterThan(50);
        assertThat(consistency).isGreaterThan(50);
    }

    @Nested
    class Inclusion {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.ledger.tlog.ProofVectorsUnitTest#inclusionVectors")
        void verifierFailsExactlyWhenTheVectorExpectsAnError(Path file) {
            JsonNode vector = ReferenceData.readJson(file);

            Runnable verify = () -> ProofVerifier.verifyInclusion(
                    uint64("leafIdx", vector),
                    uint64("treeSize", vector),
                    ReferenceData.base64(vector.get("leafHash")),
                    ReferenceData.base64List(vector.get("proof")),
                    ReferenceData.base64(vector.get("root")));

            assertOutcome(file, vector.get("wantErr").asBoolean(), verify);
        }
    }

    @Nested
    class Consistency {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.commonweal.ledger.tlog.ProofVectorsUnitTest#consistencyVectors")
        void verifierFailsExactlyWhenTheVectorExpectsAnError(Path file) {
            JsonNode vector = ReferenceData.readJson(file);
            boolean wantErr = vector.get("wantErr").asBoolean() || STRICTER_THAN_UPSTREAM.contains(relativeName(file));

            Runnable verify = () -> ProofVerifier.verifyConsistency(
                    uint64("size1", vector),
                    uint64("size2", vector),
                    ReferenceData.base64List(vector.get("proof")),
                    ReferenceData.base64(vector.get("root1")),
                    ReferenceData.base64(vector.get("root2")));

            assertOutcome(file, wantErr, verify);
        }

        @Test
        void theOnlyDeviationFromUpstreamIsTheLengthRuleOnPlaceholderRoots() {
            Path file = ReferenceData.merkleTestdata().resolve(STRICTER_THAN_UPSTREAM.iterator().next());
            JsonNode vector = ReferenceData.readJson(file);
            assertThat(vector.get("wantErr").asBoolean()).as("upstream expectation").isFalse();

            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(1, 1, List.of(),
                    ReferenceData.base64(vector.get("root1")), ReferenceData.base64(vector.get("root2"))))
                    .isInstanceOf(ProofException.class)
                    .hasMessageContaining("exactly 32");

            byte[] root = MerkleHash.leafHash(new byte[0]);
            assertThatCode(() -> ProofVerifier.verifyConsistency(1, 1, List.of(), root, root.clone()))
                    .doesNotThrowAnyException();
        }
    }

    private static void assertOutcome(Path file, boolean wantErr, Runnable verify) {
        if (wantErr) {
            assertThatThrownBy(verify::run).as(relativeName(file)).isInstanceOf(ProofException.class);
        } else {
            assertThatCode(verify::run).as(relativeName(file)).doesNotThrowAnyException();
        }
    }

    /**
     * The vectors hold Go uint64 values, including 2^64−1 where "leafIdx − 1" underflowed. Java's
     * long has the same 64 bits, so such a value arrives as a negative long, as it would from any
     * uint64 wire field; the verifier must reject it.
     */
    private static long uint64(String field, JsonNode vector) {
        return vector.get(field).bigIntegerValue().longValue();
    }

    private static String relativeName(Path file) {
        return ReferenceData.merkleTestdata().relativize(file).toString().replace('\\', '/');
    }
}
