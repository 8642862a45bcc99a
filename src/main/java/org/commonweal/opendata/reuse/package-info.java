/** Apps, studies and articles built on open datasets, shown once moderated. */
@NullMarked
package org.commonweal.opendata.reuse;

import org.jspecify.annotations.NullMarked;
