package org.commonweal.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.commonweal.ledger.tlog.InMemoryHashStore;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.StoredTree;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BundleHasherUnitTest {

    @Nested
    class SameHashesAsTheKernel {

        @Test
        void hashesLeavesLikeMerkleHashWhileReusingOneDigest() {
            BundleHasher hasher = new BundleHasher();
            Random random = new Random(7);
            for (int i = 0; i < 500; i++) {
                byte[] buffer = new byte[random.nextInt(700)];
                random.nextBytes(buffer);
                int offset = buffer.length == 0 ? 0 : random.nextInt(buffer.length);
                int length = random.nextInt(buffer.length - offset + 1);

                byte[] out = new byte[MerkleHash.SIZE + 5];
                hasher.leafHash(buffer, offset, length, out, 5);

                assertThat(Arrays.copyOfRange(out, 5, out.length))
                        .isEqualTo(MerkleHash.leafHash(Arrays.copyOfRange(buffer, offset, offset + length)));
            }
        }

        @Test
        void hashesAFullBundleToTheKernelsRootOfItsLeaves() {
            List<byte[]> leaves = MerkleFrontierUnitTest.leafHashes(256);
            InMemoryHashStore store = new InMemoryHashStore();
            store.appendLeafHashes(leaves);

            assertThat(new BundleHasher().perfectTreeHash(MerkleFrontierUnitTest.concatenate(leaves)))
                    .isEqualTo(new StoredTree(store).rootHash(256));
        }
    }

    @Test
    void refusesARunThatIsNotAPowerOfTwoOfHashes() {
        assertThatThrownBy(() -> new BundleHasher().perfectTreeHash(new byte[3 * MerkleHash.SIZE]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleHasher().perfectTreeHash(new byte[MerkleHash.SIZE + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
