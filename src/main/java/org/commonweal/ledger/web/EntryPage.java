package org.commonweal.ledger.web;

import java.util.List;

/** An entry as its page shows it: the entry, its inclusion proof and the checkpoint it was proved against. */
public record EntryPage(long index, String type, String subject, String json, String leafHash,
                        long treeSize, String root, List<String> proof, String checkpointNote,
                        boolean serverVerified) {
}
