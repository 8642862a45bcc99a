package org.commonweal.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.commonweal.ledger.tlog.CompleteSubtree;
import org.commonweal.ledger.tlog.InMemoryHashStore;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.StoredTree;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MerkleFrontierUnitTest {

    private static final int LEAVES = 1100;
    private static final List<byte[]> LEAF_HASHES = leafHashes(LEAVES);
    private static final StoredTree KERNEL_TREE = kernelTree(LEAF_HASHES);

    @Nested
    class AgainstTheKernel {

        @Test
        void givesTheKernelsRootAfterEveryLeaf() {
            MerkleFrontier frontier = new MerkleFrontier();
            assertThat(frontier.root()).isEqualTo(MerkleHash.emptyTreeRoot());

            for (int size = 1; size <= LEAVES; size++) {
                frontier.appendLeaf(LEAF_HASHES.get(size - 1));

                assertThat(frontier.size()).isEqualTo(size);
                assertThat(frontier.root()).as("root at size %d", size).isEqualTo(KERNEL_TREE.rootHash(size));
            }
        }

        @Test
        void givesTheSameRootWhenWholeBundlesAreAppendedAsSubtrees() {
            MerkleFrontier frontier = new MerkleFrontier();
            BundleHasher hasher = new BundleHasher();
            for (int bundle = 0; bundle < 4; bundle++) {
                frontier.appendSubtree(8, hasher.perfectTreeHash(concatenate(LEAF_HASHES.subList(256 * bundle, 256 * bundle + 256))));

                assertThat(frontier.root()).isEqualTo(KERNEL_TREE.rootHash(256L * (bundle + 1)));
            }
            for (int leaf = 1024; leaf < LEAVES; leaf++) {
                frontier.appendLeaf(LEAF_HASHES.get(leaf));
            }

            assertThat(frontier.root()).isEqualTo(KERNEL_TREE.rootHash(LEAVES));
        }
    }

    @Nested
    class Misuse {

        @Test
        void refusesASubtreeThatWouldStartInsideItsOwnSpan() {
            MerkleFrontier frontier = new MerkleFrontier();
            frontier.appendLeaf(LEAF_HASHES.getFirst());

            assertThatThrownBy(() -> frontier.appendSubtree(8, LEAF_HASHES.get(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot start at leaf 1");
        }

        @Test
        void refusesAHashOfTheWrongSize() {
            assertThatThrownBy(() -> new MerkleFrontier().appendLeaf(new byte[31]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class RootSubtrees {

        @Test
        void splitsTheTreeIntoTheCompleteSubtreesOfItsSizesOneBits() {
            assertThat(RootMismatchLocator.rootSubtrees(70_000)).containsExactly(
                    new CompleteSubtree(16, 0), new CompleteSubtree(12, 16), new CompleteSubtree(8, 272),
                    new CompleteSubtree(6, 69_888 / 64), new CompleteSubtree(5, 69_952 / 32), new CompleteSubtree(4, 69_984 / 16));
            assertThat(RootMismatchLocator.rootSubtrees(0)).isEmpty();
        }
    }

    static List<byte[]> leafHashes(int count) {
        Random random = new Random(42);
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            hashes.add(MerkleHash.leafHash(entry));
        }
        return hashes;
    }

    static byte[] concatenate(List<byte[]> hashes) {
        byte[] all = new byte[hashes.size() * MerkleHash.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, all, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        return all;
    }

    private static StoredTree kernelTree(List<byte[]> leafHashes) {
        InMemoryHashStore store = new InMemoryHashStore();
        store.appendLeafHashes(leafHashes);
        return new StoredTree(store);
    }
}
