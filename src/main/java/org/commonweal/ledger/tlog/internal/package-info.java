/**
 * Implementation details of the ledger kernel. Not API: signatures here may change without notice.
 */
@NullMarked
package org.commonweal.ledger.tlog.internal;

import org.jspecify.annotations.NullMarked;
