package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MerkleHashUnitTest {

    private static final JsonNode TREE = ReferenceData.referenceTree();

    @Nested
    class LeafHash {

        @Test
        void matchesTheReferenceLeafHashesOfAllEightLeaves() {
            List<byte[]> inputs = ReferenceData.hexList(TREE.get("leafInputsHex"));
            List<byte[]> expected = ReferenceData.hexList(TREE.get("nodeHashesByLevel").get(0));

            for (int i = 0; i < inputs.size(); i++) {
                assertThat(MerkleHash.leafHash(inputs.get(i))).as("leaf %d", i).isEqualTo(expected.get(i));
            }
        }

        @Test
        void prefixesTheEntryWithZeroSoALeafCannotPassForANode() {
            byte[] entry = HexFormat.of().parseHex("0102");

            assertThat(MerkleHash.leafHash(entry)).isNotEqualTo(MerkleHash.nodeHash(new byte[] {1}, new byte[] {2}));
        }
    }

    @Nested
    class NodeHash {

        @Test
        void combinesReferenceLeavesIntoTheReferenceLevelOneNodes() {
            List<byte[]> leaves = ReferenceData.hexList(TREE.get("nodeHashesByLevel").get(0));
            List<byte[]> level1 = ReferenceData.hexList(TREE.get("nodeHashesByLevel").get(1));

            for (int i = 0; i < level1.size(); i++) {
                assertThat(MerkleHash.nodeHash(leaves.get(2 * i), leaves.get(2 * i + 1))).isEqualTo(level1.get(i));
            }
        }
    }

    @Nested
    class EmptyTreeRoot {

        @Test
        void isSha256OfTheEmptyString() {
            assertThat(HexFormat.of().formatHex(MerkleHash.emptyTreeRoot()))
                    .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                    .isEqualTo(TREE.get("rootHashesBySize").get(0).asString());
        }
    }
}
