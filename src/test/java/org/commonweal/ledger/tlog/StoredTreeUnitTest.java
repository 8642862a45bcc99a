package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stored hashes, roots and proofs on the 8-leaf RFC 6962 reference tree, and read costs on a big tree. */
class StoredTreeUnitTest {

    private static final JsonNode TREE = ReferenceData.referenceTree();

    private static InMemoryHashStore referenceStore() {
        InMemoryHashStore store = new InMemoryHashStore();
        List<byte[]> leafHashes = ReferenceData.hexList(TREE.get("leafInputsHex")).stream().map(MerkleHash::leafHash).toList();
        store.appendLeafHashes(leafHashes);
        return store;
    }

    private static byte[] referenceRoot(int size) {
        return ReferenceData.hex(TREE.get("rootHashesBySize").get(size).asString());
    }

    @Nested
    class Append {

        @Test
        void storesTheHashOfEveryCompleteSubtreeOfTheReferenceTree() {
            InMemoryHashStore store = referenceStore();
            JsonNode levels = TREE.get("nodeHashesByLevel");

            for (int level = 0; level < levels.size(); level++) {
                List<byte[]> expected = ReferenceData.hexList(levels.get(level));
                for (int n = 0; n < expected.size(); n++) {
                    long index = StoredHashLayout.index(level, n);
                    assertThat(store.readHashes(new long[] {index}).getFirst()).as("subtree (%d, %d)", level, n)
                            .isEqualTo(expected.get(n));
                }
            }
        }

        @Test
        void givesTheSameRowsWhetherLeavesArriveOneByOneOrInBatches() {
            List<byte[]> leaves = IntStream.range(0, 300).mapToObj(StoredTreeUnitTest::syntheticLeaf).toList();
            InMemoryHashStore oneByOne = new InMemoryHashStore();
            List<StoredHash> singleRows = new ArrayList<>();
            leaves.forEach(leaf -> singleRows.addAll(oneByOne.appendLeafHashes(List.of(leaf))));
            InMemoryHashStore batched = new InMemoryHashStore();
            List<StoredHash> batchRows = new ArrayList<>();
            batchRows.addAll(batched.appendLeafHashes(leaves.subList(0, 7)));
            batchRows.addAll(batched.appendLeafHashes(leaves.subList(7, 129)));
            batchRows.addAll(batched.appendLeafHashes(leaves.subList(129, 300)));

            assertThat(batchRows).isEqualTo(singleRows);
            assertThat(singleRows).extracting(StoredHash::index).containsExactlyElementsOf(
                    IntStream.range(0, (int) StoredHashLayout.count(300)).mapToObj(i -> (long) i).toList());
        }

        @Test
        void readsOnlyAlreadyStoredLeftSiblingsInOneBatch() {
            InMemoryHashStore store = referenceStore();
            AtomicInteger calls = new AtomicInteger();
            List<long[]> requests = new ArrayList<>();
            HashReader spy = indexes -> {
                calls.incrementAndGet();
                requests.add(indexes);
                return store.readHashes(indexes);
            };

            // Leaf 8..15 completes subtrees whose left halves are leaf 8.. (new) and (3, 0) (stored).
            List<StoredHash> rows = StoredHashes.append(8, IntStream.range(8, 16).mapToObj(StoredTreeUnitTest::syntheticLeaf).toList(), spy);

            assertThat(calls).hasValue(1);
            assertThat(requests.getFirst()).containsExactly(StoredHashLayout.index(3, 0));
            assertThat(rows).hasSize((int) (StoredHashLayout.count(16) - StoredHashLayout.count(8)));
        }

        @Test
        void rejectsLeafHashesOfTheWrongSize() {
            assertThatThrownBy(() -> StoredHashes.append(0, List.of(new byte[31]), indexes -> List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("31 bytes");
        }
    }

    @Nested
    class RootHash {

        @Test
        void reproducesAllNineReferenceRoots() {
            StoredTree tree = new StoredTree(referenceStore());

            for (int size = 0; size <= 8; size++) {
                assertThat(HexFormat.of().formatHex(tree.rootHash(size))).as("size %d", size)
                        .isEqualTo(TREE.get("rootHashesBySize").get(size).asString());
            }
        }
    }

    @Nested
    class InclusionProof {

        @Test
        void verifiesForEveryLeafOfEveryReferenceTreeSize() {
            StoredTree tree = new StoredTree(referenceStore());
            List<byte[]> leafHashes = ReferenceData.hexList(TREE.get("nodeHashesByLevel").get(0));

            for (int size = 1; size <= 8; size++) {
                for (int index = 0; index < size; index++) {
                    List<byte[]> proof = tree.inclusionProof(index, size);
                    int leaf = index;
                    int treeSize = size;
                    assertThatCode(() -> ProofVerifier.verifyInclusion(leaf, treeSize, leafHashes.get(leaf), proof,
                            referenceRoot(treeSize))).as("leaf %d of %d", index, size).doesNotThrowAnyException();
                }
            }
        }

        @Test
        void equalsTheUpstreamHappyPathProofs() {
            StoredTree tree = new StoredTree(referenceStore());

            for (JsonNode vector : happyPaths("inclusion")) {
                long index = vector.get("leafIdx").asLong();
                long size = vector.get("treeSize").asLong();

                assertThat(tree.inclusionProof(index, size)).as("leaf %d of %d", index, size)
                        .containsExactlyElementsOf(ReferenceData.base64List(vector.get("proof")));
                assertThat(tree.rootHash(size)).isEqualTo(ReferenceData.base64(vector.get("root")));
            }
        }

        @Test
        void rejectsLeavesOutsideTheTree() {
            StoredTree tree = new StoredTree(referenceStore());

            assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.inclusionProof(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ConsistencyProof {

        @Test
        void verifiesForEveryPairOfReferenceTreeSizes() {
            StoredTree tree = new StoredTree(referenceStore());

            for (int size2 = 1; size2 <= 8; size2++) {
                for (int size1 = 1; size1 <= size2; size1++) {
                    List<byte[]> proof = tree.consistencyProof(size1, size2);
                    int from = size1;
                    int to = size2;
                    assertThatCode(() -> ProofVerifier.verifyConsistency(from, to, proof, referenceRoot(from), referenceRoot(to)))
                            .as("%d -> %d", size1, size2).doesNotThrowAnyException();
                }
            }
        }

        @Test
        void equalsTheUpstreamHappyPathProofs() {
            StoredTree tree = new StoredTree(referenceStore());

            for (JsonNode vector : happyPaths("consistency")) {
                long size1 = vector.get("size1").asLong();
                long size2 = vector.get("size2").asLong();

                assertThat(tree.consistencyProof(size1, size2)).as("%d -> %d", size1, size2)
                        .containsExactlyElementsOf(ReferenceData.base64List(vector.get("proof")));
            }
        }

        @Test
        void refusesToProveAnythingFromTheEmptyTreeOrBackwards() {
            StoredTree tree = new StoredTree(referenceStore());

            assertThatThrownBy(() -> tree.consistencyProof(0, 8)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThat(tree.consistencyProof(8, 8)).isEmpty();
        }
    }

    @Nested
    class ReadCost {

        private static final long TEN_MILLION = 10_000_000L;

        /** Proof generation cannot tell synthetic hashes from real ones; only the indexes matter here. */
        private final List<Long> requested = new ArrayList<>();
        private final AtomicInteger batches = new AtomicInteger();
        private final StoredTree tree = new StoredTree(indexes -> {
            batches.incrementAndGet();
            List<byte[]> hashes = new ArrayList<>();
            for (long index : indexes) {
                assertThat(index).isLessThan(StoredHashLayout.count(TEN_MILLION));
                requested.add(index);
                hashes.add(syntheticLeaf(index));
            }
            return hashes;
        });

        @Test
        void rootOfATenMillionLeafTreeReadsOneHashPerOneBitOfTheSize() {
            tree.rootHash(TEN_MILLION);

            assertThat(batches).hasValue(1);
            assertThat(requested).hasSize(Long.bitCount(TEN_MILLION));
        }

        @Test
        void proofsInATenMillionLeafTreeReadLogarithmicallyManyHashesInOneBatch() {
            int log2 = 64 - Long.numberOfLeadingZeros(TEN_MILLION); // 24

            for (long index : new long[] {0, 1, 4_999_999, 9_999_998, TEN_MILLION - 1}) {
                requested.clear();
                tree.inclusionProof(index, TEN_MILLION);
                assertThat(requested).as("inclusion of %d", index).hasSizeLessThanOrEqualTo(2 * log2);
            }
            for (long oldSize : new long[] {1, 3, 1_048_576, 7_777_777, TEN_MILLION - 1}) {
                requested.clear();
                tree.consistencyProof(oldSize, TEN_MILLION);
                assertThat(requested).as("consistency from %d", oldSize).hasSizeLessThanOrEqualTo(2 * log2);
            }
            assertThat(batches).hasValue(10);
        }
    }

    private static List<JsonNode> happyPaths(String kind) {
        Path dir = ReferenceData.merkleTestdata().resolve(kind);
        List<JsonNode> vectors = ReferenceData.jsonFilesUnder(dir).stream()
                .filter(file -> file.getFileName().toString().equals("happy-path.json"))
                .map(ReferenceData::readJson)
                .toList();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(5);
        return vectors;
    }

    static byte[] syntheticLeaf(long i) {
        return MerkleHash.leafHash(ByteBuffer.allocate(Long.BYTES).putLong(i).array());
    }
}
