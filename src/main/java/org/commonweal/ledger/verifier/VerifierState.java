package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.NoteException;
import org.commonweal.ledger.tlog.NoteVerifier;

/**
 * What a verifier remembers between runs: the last checkpoint it fully verified and the key it
 * trusted for it. The next run must find the log grown from this checkpoint, never rewritten.
 *
 * <p>File format (UTF-8, {@code \n} line ends, exactly these five lines, in this order):
 *
 * <pre>
 * commonweal-ledger-verifier-state 1
 * origin &lt;checkpoint origin line&gt;
 * verifier-key &lt;name+hex key ID+base64 key&gt;
 * size &lt;tree size, decimal&gt;
 * root &lt;root hash, standard base64 with padding&gt;
 * </pre>
 *
 * Each line is a field name, one space, and the value up to the end of the line (an origin may
 * contain spaces). The first line names the format and its version, so a future format is refused
 * instead of misread. Anything else, a missing or repeated line included, is rejected: a state
 * file that is not understood must not silently start a fresh trust-on-first-use.
 *
 * @param origin the checkpoint's origin line
 * @param verifierKey the trusted verifier key string
 * @param size the checkpoint's tree size
 * @param root the checkpoint's root hash; copied in and out
 */
public record VerifierState(String origin, String verifierKey, long size, byte[] root) {

    static final String HEADER = "commonweal-ledger-verifier-state 1";
    private static final List<String> FIELDS = List.of("origin", "verifier-key", "size", "root");

    public VerifierState {
        try {
            new Checkpoint(origin, size, root); // same rules for origin, size and root as a checkpoint
            NoteVerifier.fromVerifierKey(verifierKey);
        } catch (NoteException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        root = root.clone();
    }

    /** The state after verifying {@code checkpoint} with {@code key}. */
    public static VerifierState of(Checkpoint checkpoint, NoteVerifier key) {
        return new VerifierState(checkpoint.origin(), key.verifierKey(), checkpoint.size(), checkpoint.rootHash());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public NoteVerifier verifier() {
        return NoteVerifier.fromVerifierKey(verifierKey);
    }

    public String format() {
        return HEADER + "\n"
                + "origin " + origin + "\n"
                + "verifier-key " + verifierKey + "\n"
                + "size " + size + "\n"
                + "root " + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** Parses the text of a state file. */
    public static VerifierState parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("state file must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != FIELDS.size() + 1 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("state file must be the line \"" + HEADER + "\" followed by the lines "
                    + String.join(", ", FIELDS));
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            String prefix = FIELDS.get(i) + " ";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new IllegalArgumentException("line " + (i + 2) + " of the state file must start with \"" + prefix + "\"");
            }
            values[i] = lines[i + 1].substring(prefix.length());
        }
        return new VerifierState(values[0], values[1], parseSize(values[2]), parseRoot(values[3]));
    }

    /** Reads a state file; invalid UTF-8 or content is an {@link IOException} naming the file. */
    public static VerifierState read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new IOException("state file " + file + " is not valid UTF-8", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("state file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code file} atomically: the new content goes to a temporary file in the same
     * directory, is forced to disk, then moved over the old one. A crash leaves either the old or
     * the new state, never half of one, which matters because a lost state means trusting anew.
     */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer content = ByteBuffer.wrap(format().getBytes(StandardCharsets.UTF_8));
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static long parseSize(String text) {
        // Long.parseLong alone would accept "+5" and "007"; one size, one spelling.
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("size \"" + text + "\" must be a decimal without sign or leading zeros");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size " + text + " is too large", e);
        }
    }

    private static byte[] parseRoot(String text) {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("root is not base64", e);
        }
        if (root.length != MerkleHash.SIZE || !Base64.getEncoder().encodeToString(root).equals(text)) {
            throw new IllegalArgumentException("root must be the canonical base64 of " + MerkleHash.SIZE + " bytes");
        }
        return root;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierState that && origin.equals(that.origin) && verifierKey.equals(that.verifierKey)
                && size == that.size && Arrays.equals(root, that.root);
    }

    @Override
    public int hashCode() {
        return ((origin.hashCode() * 31 + verifierKey.hashCode()) * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "VerifierState[" + origin + ", " + verifierKey + ", " + size + ", " + Base64.getEncoder().encodeToString(root) + "]";
    }
}
