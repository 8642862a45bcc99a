/** The government data resource catalogue (GB/T 21063): what each department holds, how it is shared and graded. */
@NullMarked
package org.commonweal.catalogue;

import org.jspecify.annotations.NullMarked;
