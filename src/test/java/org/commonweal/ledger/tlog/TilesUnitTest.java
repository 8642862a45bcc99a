package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TilesUnitTest {

    @Nested
    class PathFormatting {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "0, 000", "67, 067", "999, 999", "1000, x001/000", "1234067, x001/x234/067",
            "9223372036854775807, x009/x223/x372/x036/x854/x775/807",
        })
        void writesTheIndexInThreeDigitGroupsWithXPrefixes(long index, String expected) {
            assertThat(TilePath.formatIndex(index)).isEqualTo(expected);
        }

        @Test
        void writesFullAndPartialTilesAndEntryBundles() {
            assertThat(new Tile(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
            assertThat(new Tile(2, 5, 17).path()).isEqualTo("tile/2/005.p/17");
            assertThat(new EntryTile(1000, 1).path()).isEqualTo("tile/entries/x001/000.p/1");
        }
    }

    @Nested
    class PathParsing {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "tile/0/000", "tile/0/x001/x234/067", "tile/63/999.p/255", "tile/5/x123/456.p/1",
            "tile/entries/000", "tile/entries/x001/x234/067.p/128",
            "tile/0/x009/x223/x372/x036/x854/x775/807",
        })
        void readsBackEveryCanonicalPath(String path) {
            assertThat(TilePath.parse(path).path()).isEqualTo(path);
        }

        @Test
        void distinguishesHashTilesFromEntryBundles() {
            assertThat(TilePath.parse("tile/1/x001/234.p/17")).isEqualTo(new Tile(1, 1234, 17));
            assertThat(TilePath.parse("tile/entries/067")).isEqualTo(new EntryTile(67, 256));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "tiles/0/000                | must start with",
            "tile/0                     | missing tile index",
            "tile/00/000                | level",
            "tile/64/000                | level",
            "tile/-1/000                | level",
            "tile/a/000                 | level",
            "tile/0/00                  | 3 digits",
            "tile/0/0000                | 3 digits",
            "tile/0/x000                | 3 digits",
            "tile/0/001/002             | must start with \"x\"",
            "tile/0/x000/001            | leading zero element",
            "tile/0/x1/001              | \"x\" and 3 digits",
            "tile/0/x001/                | 3 digits",
            "tile/0/000/                | must start with \"x\"",
            "tile/0/١٢٣                 | 3 digits",
            "tile/0/000.p/0             | partial width",
            "tile/0/000.p/256           | partial width",
            "tile/0/000.p/012           | partial width",
            "tile/0/000.p/              | partial width",
            "tile/0/000.p/5/6           | partial width",
            "tile/0/x009/x223/x372/x036/x854/x775/808 | too large",
            "tile/0/x001/x009/x223/x372/x036/x854/x775/807 | more than 7",
            "tile/entries/x01/000       | \"x\" and 3 digits",
        })
        void rejectsNonCanonicalPathsSayingWhatIsWrong(String path, String problem) {
            assertThatThrownBy(() -> TilePath.parse(path))
                    .isInstanceOf(TilePathException.class)
                    .hasMessageContaining(path)
                    .hasMessageContaining(problem);
        }
    }

    @Nested
    class ForStoredHash {

        @Test
        void placesLeafHashesInLevelZeroTiles() {
            assertThat(Tile.forStoredHash(StoredHashLayout.index(0, 0))).isEqualTo(new Tile(0, 0, 1));
            assertThat(Tile.forStoredHash(StoredHashLayout.index(0, 255))).isEqualTo(new Tile(0, 0, 256));
            assertThat(Tile.forStoredHash(StoredHashLayout.index(0, 256))).isEqualTo(new Tile(0, 1, 1));
        }

        @Test
        void placesHashesBetweenTileLevelsInTheTileBelowThem() {
            // Level 3 subtree 5 spans level-0 hashes [40, 48): recomputed from tile 0/000 at width 48.
            assertThat(Tile.forStoredHash(StoredHashLayout.index(3, 5))).isEqualTo(new Tile(0, 0, 48));
            // Level 8 is the bottom row of level 1 tiles.
            assertThat(Tile.forStoredHash(StoredHashLayout.index(8, 300))).isEqualTo(new Tile(1, 1, 45));
            // Level 15 subtree 1 spans level-8 hashes [128, 256), the right half of tile 1/000.
            assertThat(Tile.forStoredHash(StoredHashLayout.index(15, 1))).isEqualTo(new Tile(1, 0, 256));
            assertThat(Tile.forStoredHash(StoredHashLayout.index(16, 0))).isEqualTo(new Tile(2, 0, 1));
        }
    }

    @Nested
    class WidthAndChanges {

        @Test
        void describesTheTreeOfSeventyThousandLeavesAsTheSpecDoes() {
            List<Tile> tiles = Tile.changedBetween(0, 70_000);

            assertThat(tiles.stream().filter(t -> t.level() == 0 && !t.isPartial())).hasSize(273);
            assertThat(tiles).contains(new Tile(0, 273, 112), new Tile(1, 0, 256), new Tile(1, 1, 17), new Tile(2, 0, 1));
            assertThat(tiles).hasSize(273 + 4);
        }

        @Test
        void describesTheTreeOf256LeavesAsOneFullAndOnePartialTile() {
            assertThat(Tile.changedBetween(0, 256)).containsExactly(new Tile(0, 0, 256), new Tile(1, 0, 1));
        }

        @Test
        void listsOnlyTilesThatGrew() {
            assertThat(Tile.changedBetween(300, 520)).containsExactly(new Tile(0, 1, 256), new Tile(0, 2, 8), new Tile(1, 0, 2));
            assertThat(Tile.changedBetween(300, 300)).isEmpty();
        }

        @Test
        void givesEachTileItsWidthForATreeSize() {
            assertThat(Tile.widthAt(0, 0, 70_000)).isEqualTo(256);
            assertThat(Tile.widthAt(0, 273, 70_000)).isEqualTo(112);
            assertThat(Tile.widthAt(0, 274, 70_000)).isZero();
            assertThat(Tile.widthAt(1, 1, 70_000)).isEqualTo(17);
            assertThat(Tile.widthAt(2, 0, 70_000)).isEqualTo(1);
            assertThat(Tile.widthAt(63, 0, 70_000)).isZero();
        }
    }

    @Nested
    class Data {

        private final InMemoryHashStore store = store(1000);

        @Test
        void concatenatesTheBottomRowHashes() {
            byte[] data = TileData.read(new Tile(0, 1, 3), store);

            assertThat(data).hasSize(96);
            assertThat(java.util.Arrays.copyOfRange(data, 32, 64))
                    .isEqualTo(store.readHashes(new long[] {StoredHashLayout.index(0, 257)}).getFirst());
        }

        @Test
        void recomputesEveryStoredHashOfTheTreeFromItsTile() {
            for (long index = 0; index < StoredHashLayout.count(1000); index++) {
                Tile tile = Tile.forStoredHash(index);
                Tile widest = tile.withWidth(Tile.widthAt(tile.level(), tile.index(), 1000));
                byte[] data = TileData.read(widest, store);

                assertThat(TileData.hashFromTile(widest, data, index)).as("stored hash %d", index)
                        .isEqualTo(store.readHashes(new long[] {index}).getFirst());
            }
        }

        @Test
        void refusesATileThatDoesNotHoldTheHash() {
            byte[] data = TileData.read(new Tile(0, 0, 4), store);

            assertThatThrownBy(() -> TileData.hashFromTile(new Tile(0, 0, 4), data, StoredHashLayout.index(0, 4)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tile/0/000.p/5");
        }

        @Test
        void givesTheReferenceRootsThroughATileReader() {
            InMemoryHashStore reference = new InMemoryHashStore();
            reference.appendLeafHashes(ReferenceData.hexList(ReferenceData.referenceTree().get("leafInputsHex"))
                    .stream().map(MerkleHash::leafHash).toList());

            for (int size = 1; size <= 8; size++) {
                Map<Tile, byte[]> published = new HashMap<>();
                Tile.changedBetween(0, size).forEach(tile -> published.put(tile, TileData.read(tile, reference)));
                StoredTree viaTiles = new StoredTree(new TileHashReader(size, published::get));

                assertThat(viaTiles.rootHash(size)).isEqualTo(ReferenceData.hex(
                        ReferenceData.referenceTree().get("rootHashesBySize").get(size).asString()));
            }
        }
    }

    @Nested
    class EntryBundles {

        @Test
        void prefixesEachEntryWithItsBigEndianLength() {
            byte[] bundle = EntryBundle.encode(List.of(new byte[] {7}, new byte[0], new byte[300]));

            assertThat(bundle).startsWith(0, 1, 7, 0, 0, 1, 44).hasSize(2 + 1 + 2 + 2 + 300);
            assertThat(EntryBundle.decode(bundle)).satisfiesExactly(
                    e -> assertThat(e).containsExactly(7), e -> assertThat(e).isEmpty(), e -> assertThat(e).hasSize(300));
        }

        @Test
        void acceptsTheLargestEntryAndRejectsOneByteMore() {
            assertThat(EntryBundle.decode(EntryBundle.encode(List.of(new byte[65_535])))).singleElement()
                    .satisfies(e -> assertThat(e).hasSize(65_535));
            assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[1], new byte[65_536])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entry 1 is 65536 bytes");
        }

        @Test
        void rejectsTruncatedBundles() {
            assertThatThrownBy(() -> EntryBundle.decode(new byte[] {0, 3, 1, 2}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claims 3 bytes");
            assertThatThrownBy(() -> EntryBundle.decode(new byte[] {0, 0, 0}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the length");
        }

        @Test
        void rejectsMoreEntriesThanATileHolds() {
            List<byte[]> entries = IntStream.range(0, 257).mapToObj(i -> new byte[0]).toList();

            assertThatThrownBy(() -> EntryBundle.encode(entries)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EntryBundle.decode(new byte[2 * 257])).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void namesTheBundleOfAnEntryAtItsCurrentWidth() {
            assertThat(EntryTile.containing(300, 520)).isEqualTo(new EntryTile(1, 256));
            assertThat(EntryTile.containing(515, 520)).isEqualTo(new EntryTile(2, 8));
        }
    }

    private static InMemoryHashStore store(int leaves) {
        InMemoryHashStore store = new InMemoryHashStore();
        store.appendLeafHashes(IntStream.range(0, leaves).mapToObj(StoredTreeUnitTest::syntheticLeaf).toList());
        return store;
    }
}
