package org.commonweal.ledger.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.commonweal.ledger.tlog.NoteException.Kind;
import org.commonweal.ledger.tlog.internal.NoteSyntax;

/**
 * A C2SP tlog-checkpoint: the note text {@code <origin>\n<size>\n<base64 root>\n[extension lines\n]}.
 *
 * @param origin the log's identity, e.g. {@code commonweal.example/ledger}; non-empty
 * @param size number of leaves in the tree
 * @param rootHash the RFC 9162 root of the tree at {@code size}, 32 bytes; copied in and out
 * @param extensions optional extra lines, each non-empty; opaque and not recommended by the spec
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        requireLine("origin", origin);
        if (size < 0) {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, "tree size " + size + " is negative");
        }
        if (rootHash.length != MerkleHash.SIZE) {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, "root hash is " + rootHash.length + " bytes, want "
                    + MerkleHash.SIZE);
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        extensions.forEach(line -> requireLine("extension line", line));
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The exact note text to sign. */
    public String toNoteText() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /**
     * Parses checkpoint note text. Strict, so that one checkpoint has one text: the size must be
     * plain ASCII decimal without leading zeros or sign, the root canonical base64 of 32 bytes.
     */
    public static Checkpoint parse(String noteText) {
        NoteSyntax.textProblem(noteText).ifPresent(problem -> {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, "checkpoint " + problem);
        });
        List<String> lines = List.of(noteText.substring(0, noteText.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, "checkpoint needs origin, size and root hash lines, got "
                    + lines.size() + " lines");
        }
        byte[] root = NoteSyntax.decodeCanonicalBase64(lines.get(2))
                .orElseThrow(() -> new NoteException(Kind.MALFORMED_CHECKPOINT, "root hash line is not canonical base64"));
        return new Checkpoint(lines.get(0), parseSize(lines.get(1)), root, lines.subList(3, lines.size()));
    }

    /**
     * Verifies a signed checkpoint against trusted keys (usually just the log's own) and parses it.
     * The text is only parsed after a trusted signature verified, as the signed-note spec demands.
     */
    public static Checkpoint verifyAndParse(String signedNote, Collection<NoteVerifier> trusted) {
        return parse(SignedNote.parse(signedNote).verify(trusted).text());
    }

    private static long parseSize(String line) {
        // Long.parseLong alone would accept "+5", "007" and non-ASCII digits.
        boolean plainDecimal = !line.isEmpty() && line.length() <= 19 && line.chars().allMatch(c -> c >= '0' && c <= '9')
                && (line.length() == 1 || line.charAt(0) != '0');
        if (!plainDecimal) {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, "tree size \"" + line
                    + "\" must be ASCII decimal without sign or leading zeros");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, "tree size " + line + " is too large", e);
        }
    }

    private static void requireLine(String what, String line) {
        if (line.isEmpty()) {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, what + " must not be empty");
        }
        if (line.indexOf('\n') >= 0) {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, what + " must be a single line");
        }
        NoteSyntax.controlCharacterProblem(line).ifPresent(problem -> {
            throw new NoteException(Kind.MALFORMED_CHECKPOINT, what + " " + problem);
        });
    }

    // Records compare arrays by identity; checkpoints with equal content must be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return ((origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash)) * 31 + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + HexFormat.of().formatHex(rootHash)
                + (extensions.isEmpty() ? "" : ", " + extensions) + "]";
    }
}
