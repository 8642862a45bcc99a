/** The quality score of a dataset: completeness, freshness, open formats and working links. */
@NullMarked
package org.commonweal.opendata.quality;

import org.jspecify.annotations.NullMarked;
