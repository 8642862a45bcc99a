package org.commonweal.ledger.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only reference vectors under {@code shared/reference/tlog}, found relative to the working
 * directory. Missing data fails the test instead of skipping it: a suite that silently checks
 * nothing is worse than a red one.
 */
final class ReferenceData {

    private static final List<Path> CANDIDATES = List.of(
            Path.of("..", "shared", "reference", "tlog"),        // project root /work/main
            Path.of("..", "..", "shared", "reference", "tlog")); // scratch root /work/scratch/ledger

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferenceData() {
    }

    static Path root() {
        for (Path candidate : CANDIDATES) {
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return candidate;
            }
        }
        throw new AssertionError("reference data not found; looked for " + CANDIDATES + " from "
                + Path.of("").toAbsolutePath());
    }

    static Path merkleTestdata() {
        return root().resolve("transparency-dev-merkle").resolve("testdata");
    }

    static JsonNode readJson(Path file) {
        return JSON.readTree(file);
    }

    static JsonNode referenceTree() {
        return readJson(root().resolve("rfc6962-reference-tree.json"));
    }

    static JsonNode signedNoteVectors() {
        return readJson(root().resolve("signed-note-vectors.json"));
    }

    /** Every JSON file below {@code dir}, sorted, so parameterised test names are stable. */
    static List<Path> jsonFilesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] base64(JsonNode node) {
        return Base64.getDecoder().decode(node.asString());
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** The vectors write an absent proof as JSON null; that is the empty proof. */
    static List<byte[]> base64List(JsonNode node) {
        List<byte[]> hashes = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.values().forEach(element -> hashes.add(base64(element)));
        }
        return hashes;
    }

    static List<byte[]> hexList(JsonNode node) {
        List<byte[]> hashes = new ArrayList<>();
        node.values().forEach(element -> hashes.add(hex(element.asString())));
        return hashes;
    }
}
