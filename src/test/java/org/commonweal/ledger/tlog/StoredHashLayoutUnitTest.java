package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoredHashLayoutUnitTest {

    @Nested
    class Index {

        @ParameterizedTest(name = "subtree ({0}, {1}) is stored at {2}")
        @CsvSource({
            "0, 0, 0", "0, 1, 1", "1, 0, 2", "0, 2, 3", "0, 3, 4", "1, 1, 5", "2, 0, 6",
            "0, 4, 7", "0, 5, 8", "1, 2, 9", "0, 6, 10", "0, 7, 11", "1, 3, 12", "2, 1, 13", "3, 0, 14",
        })
        void numbersHashesInTheOrderAppendingLeavesCompletesThem(int level, long n, long expected) {
            assertThat(StoredHashLayout.index(level, n)).isEqualTo(expected);
        }

        @Test
        void rejectsSubtreesBeyondTheLargestSupportedTree() {
            assertThatThrownBy(() -> StoredHashLayout.index(62, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StoredHashLayout.index(0, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(StoredHashLayout.index(62, 0)).isEqualTo(StoredHashLayout.count(1L << 62) - 1);
        }
    }

    @Nested
    class SubtreeAt {

        @Test
        void invertsIndexForEveryHashOfATreeOfAThousandLeaves() {
            for (long index = 0; index < StoredHashLayout.count(1000); index++) {
                CompleteSubtree subtree = StoredHashLayout.subtreeAt(index);

                assertThat(subtree.storedHashIndex()).isEqualTo(index);
            }
        }

        @Test
        void invertsIndexForHugeTrees() {
            CompleteSubtree subtree = new CompleteSubtree(17, 123_456_789L);

            assertThat(StoredHashLayout.subtreeAt(subtree.storedHashIndex())).isEqualTo(subtree);
        }
    }

    @Nested
    class Count {

        @Test
        void isTheNumberOfCompleteSubtrees() {
            assertThat(StoredHashLayout.count(0)).isZero();
            assertThat(StoredHashLayout.count(1)).isEqualTo(1);
            assertThat(StoredHashLayout.count(7)).isEqualTo(7 + 3 + 1);
            assertThat(StoredHashLayout.count(8)).isEqualTo(15);
            assertThat(StoredHashLayout.count(10_000_000)).isEqualTo(2 * 10_000_000L - Long.bitCount(10_000_000));
        }
    }
}
