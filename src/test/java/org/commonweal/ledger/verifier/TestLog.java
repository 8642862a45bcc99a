package org.commonweal.ledger.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonweal.ledger.tlog.CanonicalJson;
import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.InMemoryHashStore;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.NoteKeys;
import org.commonweal.ledger.tlog.NoteSigner;
import org.commonweal.ledger.tlog.StoredTree;
import org.commonweal.ledger.tlog.Tile;
import org.commonweal.ledger.tlog.TileData;
import org.commonweal.ledger.tlog.TilePath;
import org.commonweal.ledger.tlog.TileResource;
import org.jspecify.annotations.Nullable;

/**
 * A log built the way the real server builds it, with the kernel: entries into an
 * {@link InMemoryHashStore}, tiles from {@link TileData#read}, bundles from {@link EntryBundle#encode},
 * a checkpoint signed by a {@link NoteSigner}. Immutable once built; resources are cached so the
 * throughput harness measures the verifier, not the fixture.
 */
final class TestLog {

    static final String ORIGIN = "commonweal.test/ledger";

    private final NoteSigner signer;
    private final List<byte[]> entries;
    private final InMemoryHashStore store = new InMemoryHashStore();
    private final StoredTree tree = new StoredTree(store);
    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

    private TestLog(NoteSigner signer, List<byte[]> entries) {
        this.signer = signer;
        this.entries = List.copyOf(entries);
        for (int start = 0; start < entries.size(); start += 4096) {
            List<byte[]> leafHashes = new ArrayList<>();
            for (byte[] entry : entries.subList(start, Math.min(entries.size(), start + 4096))) {
                leafHashes.add(MerkleHash.leafHash(entry));
            }
            store.appendLeafHashes(leafHashes);
        }
    }

    static TestLog of(NoteSigner signer, List<byte[]> entries) {
        return new TestLog(signer, entries);
    }

    static NoteSigner newSigner() {
        return NoteSigner.fromSignerKey(NoteKeys.generate(ORIGIN).signerKey());
    }

    /** {@code count} canonical-JSON entries of roughly {@code padding} + 100 bytes, distinct per {@code history}. */
    static List<byte[]> entries(int count, String history, int padding) {
        List<byte[]> entries = new ArrayList<>(count);
        String filler = "x".repeat(padding);
        for (int i = 0; i < count; i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", i);
            entry.put("history", history);
            entry.put("kind", "ballot.cast");
            entry.put("subject", "member-" + (i * 7919L % 100_003));
            entry.put("note", filler);
            entries.add(CanonicalJson.toUtf8(entry));
        }
        return entries;
    }

    static List<byte[]> entries(int count, String history) {
        return entries(count, history, 20);
    }

    /** The same signer and the first {@code size} entries: what this log looked like earlier. */
    TestLog prefix(int size) {
        return new TestLog(signer, entries.subList(0, size));
    }

    /** The same signer with more entries appended. */
    TestLog grownBy(List<byte[]> more) {
        List<byte[]> all = new ArrayList<>(entries);
        all.addAll(more);
        return new TestLog(signer, all);
    }

    long size() {
        return entries.size();
    }

    byte[] entry(long index) {
        return entries.get(Math.toIntExact(index)).clone();
    }

    NoteSigner signer() {
        return signer;
    }

    String verifierKey() {
        return signer.verifier().verifierKey();
    }

    byte[] root() {
        return tree.rootHash(size());
    }

    Checkpoint checkpoint() {
        return new Checkpoint(ORIGIN, size(), root());
    }

    String signedCheckpoint() {
        return signer.signNote(checkpoint().toNoteText());
    }

    VerifierState state() {
        return VerifierState.of(checkpoint(), signer.verifier());
    }

    List<byte[]> consistencyProof(long from, long to) {
        return tree.consistencyProof(from, to);
    }

    /**
     * The bytes of a tile path such as {@code tile/0/003.p/17} or {@code tile/entries/003}, or null
     * (a 404) for a tile the tree does not have at that width.
     */
    byte @Nullable [] tileResource(String path) {
        byte[] cached = resources.get(path);
        if (cached != null) {
            return cached;
        }
        TileResource resource = TilePath.parse(path);
        byte[] bytes = switch (resource) {
            case Tile tile -> Tile.widthAt(tile.level(), tile.index(), size()) == tile.width() ? TileData.read(tile, store) : null;
            case EntryTile bundle -> Tile.widthAt(0, bundle.index(), size()) == bundle.width() ? encode(bundle, entries) : null;
        };
        if (bytes != null) {
            resources.put(path, bytes);
        }
        return bytes;
    }

    /** Builds and caches every tile and bundle now, so that serving them later costs only the copy. */
    void cacheAllResources() {
        for (Tile tile : Tile.changedBetween(0, size())) {
            tileResource(tile.path());
            if (tile.level() == 0) {
                tileResource(new EntryTile(tile.index(), tile.width()).path());
            }
        }
    }

    /** Bundle {@code bundle} with entry {@code index} replaced, nothing else changed. */
    byte[] bundleWithEntry(long index, byte[] replacement) {
        List<byte[]> changed = new ArrayList<>(entries);
        changed.set(Math.toIntExact(index), replacement);
        return encode(EntryTile.containing(index, size()), changed);
    }

    /** The level-0 tile holding leaf {@code index}, with that leaf's hash replaced. */
    byte[] levelZeroTileWithHash(long index, byte[] replacement) {
        EntryTile bundle = EntryTile.containing(index, size());
        byte[] tile = TileData.read(new Tile(0, bundle.index(), bundle.width()), store);
        System.arraycopy(replacement, 0, tile, Math.toIntExact(index - bundle.firstEntry()) * MerkleHash.SIZE, MerkleHash.SIZE);
        return tile;
    }

    private static byte[] encode(EntryTile bundle, List<byte[]> entries) {
        int first = Math.toIntExact(bundle.firstEntry());
        return EntryBundle.encode(entries.subList(first, first + bundle.width()));
    }
}
