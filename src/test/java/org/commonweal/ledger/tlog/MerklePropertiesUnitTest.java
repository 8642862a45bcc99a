package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of proofs and tiles over many tree sizes, checked against {@link NaiveMerkle}.
 *
 * <p>All sizes share one stored tree: storage is append-only, so the stored hashes of a tree of
 * size n are a prefix of those of any larger tree. Each property reads through a view that fails
 * on any index at or beyond {@code count(n)}, so proofs for size n provably use only size-n data.
 */
class MerklePropertiesUnitTest {

    private static final int MAX_PROOF_TREE = 5_000;
    // Above 65,536 leaves, so level-2 tiles (and tree levels 9..16 recomputed from level-1 tiles) occur.
    private static final int MAX_TILE_TREE = 140_000;

    private static final List<byte[]> LEAF_HASHES =
            IntStream.range(0, MAX_TILE_TREE).mapToObj(StoredTreeUnitTest::syntheticLeaf).toList();
    private static final InMemoryHashStore STORE = new InMemoryHashStore();

    static {
        STORE.appendLeafHashes(LEAF_HASHES);
    }

    private static StoredTree treeOfSize(long size) {
        long available = StoredHashLayout.count(size);
        return new StoredTree(indexes -> {
            for (long index : indexes) {
                assertThat(index).as("stored-hash index read for a tree of size %d", size).isLessThan(available);
            }
            return STORE.readHashes(indexes);
        });
    }

    private static byte[] naiveRoot(int size) {
        return NaiveMerkle.root(LEAF_HASHES.subList(0, size));
    }

    record SizeAndIndex(int size, int index) {
    }

    record TwoSizes(int size1, int size2) {
    }

    @Provide
    Arbitrary<SizeAndIndex> leafInTree() {
        return Arbitraries.integers().between(1, MAX_PROOF_TREE)
                .flatMap(size -> Arbitraries.integers().between(0, size - 1).map(index -> new SizeAndIndex(size, index)));
    }

    @Provide
    Arbitrary<TwoSizes> growingTree() {
        return Arbitraries.integers().between(1, MAX_PROOF_TREE)
                .flatMap(size2 -> Arbitraries.integers().between(1, size2).map(size1 -> new TwoSizes(size1, size2)));
    }

    @Group
    class InclusionProofs {

        @Property(tries = 300)
        void verifyAgainstTheNaiveRoot(@ForAll("leafInTree") SizeAndIndex leaf) {
            List<byte[]> proof = treeOfSize(leaf.size()).inclusionProof(leaf.index(), leaf.size());

            assertThat(treeOfSize(leaf.size()).rootHash(leaf.size())).isEqualTo(naiveRoot(leaf.size()));
            assertThatCode(() -> ProofVerifier.verifyInclusion(leaf.index(), leaf.size(), LEAF_HASHES.get(leaf.index()), proof,
                    naiveRoot(leaf.size()))).doesNotThrowAnyException();
        }

        @Property(tries = 300)
        void failWhenAnySingleBitOfLeafRootOrProofFlips(@ForAll("leafInTree") SizeAndIndex leaf,
                @ForAll @IntRange(min = 0, max = 10_000) int target, @ForAll @IntRange(min = 0, max = 255) int bit) {
            List<byte[]> proof = treeOfSize(leaf.size()).inclusionProof(leaf.index(), leaf.size());
            byte[] leafHash = LEAF_HASHES.get(leaf.index()).clone();
            byte[] root = naiveRoot(leaf.size());
            List<byte[]> hashes = new ArrayList<>(proof);
            hashes.add(leafHash);
            hashes.add(root);

            flipBit(hashes.get(target % hashes.size()), bit);

            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf.index(), leaf.size(), leafHash, proof, root))
                    .isInstanceOf(ProofException.class);
        }

        @Property(tries = 100)
        void failForAnyOtherLeafIndex(@ForAll("leafInTree") SizeAndIndex leaf, @ForAll @IntRange(min = 1, max = 5_000) int shift) {
            int otherIndex = (leaf.index() + shift) % Math.max(leaf.size(), 2);
            Assume.that(otherIndex != leaf.index() && leaf.size() > 1);
            List<byte[]> proof = treeOfSize(leaf.size()).inclusionProof(leaf.index(), leaf.size());

            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(otherIndex, leaf.size(), LEAF_HASHES.get(leaf.index()), proof,
                    naiveRoot(leaf.size()))).isInstanceOf(ProofException.class);
        }
    }

    @Group
    class ConsistencyProofs {

        @Property(tries = 300)
        void verifyAgainstTheNaiveRoots(@ForAll("growingTree") TwoSizes sizes) {
            List<byte[]> proof = treeOfSize(sizes.size2()).consistencyProof(sizes.size1(), sizes.size2());

            assertThatCode(() -> ProofVerifier.verifyConsistency(sizes.size1(), sizes.size2(), proof, naiveRoot(sizes.size1()),
                    naiveRoot(sizes.size2()))).doesNotThrowAnyException();
        }

        @Property(tries = 300)
        void failWhenAnySingleBitOfEitherRootOrTheProofFlips(@ForAll("growingTree") TwoSizes sizes,
                @ForAll @IntRange(min = 0, max = 10_000) int target, @ForAll @IntRange(min = 0, max = 255) int bit) {
            List<byte[]> proof = treeOfSize(sizes.size2()).consistencyProof(sizes.size1(), sizes.size2());
            byte[] root1 = naiveRoot(sizes.size1());
            byte[] root2 = naiveRoot(sizes.size2());
            List<byte[]> hashes = new ArrayList<>(proof);
            hashes.add(root1);
            hashes.add(root2);

            flipBit(hashes.get(target % hashes.size()), bit);

            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(sizes.size1(), sizes.size2(), proof, root1, root2))
                    .isInstanceOf(ProofException.class);
        }
    }

    @Group
    class Appending {

        @Property(tries = 50)
        void givesTheSameStoredHashesHoweverLeavesAreBatched(@ForAll @Size(max = 20) List<@IntRange(min = 1, max = 100) Integer> batches) {
            InMemoryHashStore batched = new InMemoryHashStore();
            int appended = 0;
            for (int batch : batches) {
                batched.appendLeafHashes(LEAF_HASHES.subList(appended, appended + batch));
                appended += batch;
            }
            long[] indexes = IntStream.range(0, (int) StoredHashLayout.count(appended)).mapToLong(i -> i).toArray();

            assertThat(batched.readHashes(indexes)).containsExactlyElementsOf(STORE.readHashes(indexes));
        }
    }

    @Group
    class Tiles {

        @Property(tries = 30)
        void tileDataReadBackThroughTheTileReaderGivesTheSameRootAndProofs(
                @ForAll @IntRange(min = 1, max = MAX_TILE_TREE) int size, @ForAll @IntRange(min = 0, max = MAX_TILE_TREE) int leafSeed) {
            Map<String, byte[]> published = new HashMap<>();
            for (Tile tile : Tile.changedBetween(0, size)) {
                published.put(tile.path(), TileData.read(tile, STORE));
            }
            List<String> fetched = new ArrayList<>();
            TileReader byPath = tile -> {
                fetched.add(tile.path());
                return published.get(tile.path());
            };
            StoredTree viaTiles = new StoredTree(new TileHashReader(size, byPath));
            byte[] root = naiveRoot(size);
            int leaf = leafSeed % size;

            assertThat(viaTiles.rootHash(size)).isEqualTo(root);
            assertThat(fetched).allSatisfy(path -> assertThat(published).containsKey(path));
            assertThatCode(() -> ProofVerifier.verifyInclusion(leaf, size, LEAF_HASHES.get(leaf), viaTiles.inclusionProof(leaf, size), root))
                    .doesNotThrowAnyException();
        }
    }

    @Group
    class CanonicalNumbers {

        @Property(tries = 2_000)
        void everyFiniteDoubleIsWrittenAsANumberThatReadsBackExactly(@ForAll long bits) {
            double value = Double.longBitsToDouble(bits);
            Assume.that(Double.isFinite(value));

            String json = CanonicalJson.toJson(value);

            assertThat(Double.parseDouble(json)).isEqualTo(value == 0 ? 0.0 : value);
            assertThat(json).matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?(e[+-][1-9][0-9]*)?");
        }
    }

    private static void flipBit(byte[] hash, int bit) {
        Consumer<byte[]> flip = h -> h[bit / 8] ^= (byte) (1 << (bit % 8));
        flip.accept(hash);
    }
}
