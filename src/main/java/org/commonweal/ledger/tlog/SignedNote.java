package org.commonweal.ledger.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commonweal.ledger.tlog.NoteException.Kind;
import org.commonweal.ledger.tlog.internal.NoteSyntax;

/**
 * A C2SP signed note: text, a blank line, then one or more signature lines.
 *
 * <p>Parsing only checks the format. Nothing in {@link #text()} may be acted on before
 * {@link #verify} succeeds: the spec requires the text be ignored unless a trusted key signed it.
 *
 * @param text the signed text, ending in a newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /**
     * Upper bound on signature lines. The spec requires accepting at least 16; this is the
     * reference implementation's limit, which keeps a hostile note from costing unbounded work.
     */
    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        NoteSyntax.textProblem(text).ifPresent(problem -> {
            throw new NoteException(Kind.MALFORMED_NOTE, problem);
        });
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new NoteException(Kind.MALFORMED_NOTE, "a signed note needs at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new NoteException(Kind.MALFORMED_NOTE, "more than " + MAX_SIGNATURES + " signatures");
        }
    }

    /** Parses a note received as bytes, rejecting invalid UTF-8 instead of replacing it. */
    public static SignedNote parse(byte[] utf8) {
        try {
            String message = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
            return parse(message);
        } catch (CharacterCodingException e) {
            throw new NoteException(Kind.MALFORMED_NOTE, "signed note is not valid UTF-8", e);
        }
    }

    /**
     * Parses the format. The text ends at the last blank line; the text itself may contain blank
     * lines, so the split is at the last {@code "\n\n"}, as the spec says.
     */
    public static SignedNote parse(String message) {
        NoteSyntax.controlCharacterProblem(message).ifPresent(problem -> {
            throw new NoteException(Kind.MALFORMED_NOTE, "signed note " + problem);
        });
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException(Kind.MALFORMED_NOTE, "no blank line between the note text and the signatures");
        }
        String text = message.substring(0, split + 1);
        String block = message.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new NoteException(Kind.MALFORMED_NOTE, "signature block must be non-empty and end with a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new NoteException(Kind.MALFORMED_NOTE, "more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(parseSignatureLine(line));
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature parseSignatureLine(String line) {
        if (!line.startsWith(NoteSignature.LINE_PREFIX)) {
            throw new NoteException(Kind.MALFORMED_NOTE, "signature line must start with an em dash and a space: \""
                    + line + "\"");
        }
        String rest = line.substring(NoteSignature.LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new NoteException(Kind.MALFORMED_NOTE, "signature line has no space between key name and signature");
        }
        String name = rest.substring(0, space);
        byte[] payload = NoteSyntax.decodeCanonicalBase64(rest.substring(space + 1))
                .orElseThrow(() -> new NoteException(Kind.MALFORMED_NOTE, "signature by " + name + " is not canonical base64"));
        // Four bytes of key ID and at least one of signature.
        if (payload.length < 5) {
            throw new NoteException(Kind.MALFORMED_NOTE, "signature by " + name + " is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int keyId = buffer.getInt();
        byte[] signature = new byte[buffer.remaining()];
        buffer.get(signature);
        return new NoteSignature(name, keyId, signature);
    }

    /** The note as sent on the wire. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    /** This note with one more signature, e.g. a witness cosignature. */
    public SignedNote withSignature(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(text, all);
    }

    /**
     * Verifies per C2SP signed-note: signatures whose key name and ID match no trusted key are
     * ignored; every signature that does match must verify (one bad signature rejects the whole
     * note); and at least one must.
     *
     * @throws NoteException of kind {@code INVALID_SIGNATURE} or {@code NO_TRUSTED_SIGNATURE}
     */
    public VerifiedNote verify(Collection<NoteVerifier> trusted) {
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> unknown = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        for (NoteSignature signature : signatures) {
            Optional<NoteVerifier> verifier = trusted.stream().filter(signature::isBy).findFirst();
            if (verifier.isEmpty()) {
                unknown.add(signature);
                continue;
            }
            // A repeated signature by the same key adds nothing; check the first, as Go's note.Open does.
            if (!seenKeys.add(signature.keyName() + "+" + NoteSyntax.keyIdHex(signature.keyId()))) {
                continue;
            }
            if (!verifier.get().verify(text, signature.signature())) {
                throw new NoteException(Kind.INVALID_SIGNATURE, "signature by trusted key " + signature.keyName() + "+"
                        + NoteSyntax.keyIdHex(signature.keyId()) + " does not verify");
            }
            verified.add(signature);
        }
        if (verified.isEmpty()) {
            throw new NoteException(Kind.NO_TRUSTED_SIGNATURE, "note has no signature from a trusted key");
        }
        return new VerifiedNote(text, verified, unknown);
    }
}
