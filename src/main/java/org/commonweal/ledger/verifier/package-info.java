/**
 * A client that audits a Commonweal ledger over HTTP: it downloads the signed checkpoint and every
 * entry bundle, recomputes the tree, and checks it against the checkpoint and against the
 * checkpoint it saw last time; hash tiles are fetched only to locate a mismatch.
 *
 * <p>Nothing the server sends is trusted except through the verifier key: the entries are
 * re-hashed, the root rebuilt from them, and a consistency proof is only an extra check on top
 * of recomputing the old root from the same entries.
 */
@NullMarked
@NamedInterface("verifier")
package org.commonweal.ledger.verifier;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
