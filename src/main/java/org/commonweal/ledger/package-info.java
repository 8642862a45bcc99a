/**
 * The public, tamper-evident ledger: every consequential action leaves an entry in a verifiable
 * append-only Merkle log (RFC 9162) with signed C2SP checkpoints, served as C2SP tlog-tiles.
 */
@ApplicationModule(displayName = "Ledger")
@NullMarked
package org.commonweal.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
