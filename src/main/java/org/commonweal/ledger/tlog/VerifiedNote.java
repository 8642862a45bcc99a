package org.commonweal.ledger.tlog;

import java.util.List;

/**
 * A signed note whose text is vouched for by at least one trusted key.
 *
 * @param text the note text, final newline included; safe to act on
 * @param verifiedSignatures signatures by trusted keys, all checked
 * @param unknownSignatures signatures by keys the verifier does not know, not checked (e.g.
 *     witness cosignatures to pass on)
 */
public record VerifiedNote(String text, List<NoteSignature> verifiedSignatures, List<NoteSignature> unknownSignatures) {

    public VerifiedNote {
        verifiedSignatures = List.copyOf(verifiedSignatures);
        unknownSignatures = List.copyOf(unknownSignatures);
    }
}
