/**
 * Storage-agnostic kernel of the Commonweal transparency log: RFC 9162 Merkle tree hashing,
 * proofs computed from stored complete-subtree hashes, C2SP tlog-tiles layout, C2SP
 * signed notes and checkpoints, and RFC 8785 canonical JSON for ledger entries.
 *
 * <p>Everything here is pure computation over caller-supplied readers, so the same code serves
 * a PostgreSQL-backed sequencer, a tile cache, or an in-memory test tree.
 */
@NullMarked
package org.commonweal.ledger.tlog;

import org.jspecify.annotations.NullMarked;
