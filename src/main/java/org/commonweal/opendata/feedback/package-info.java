/** Dataset requests and error reports, answered publicly by departments. */
@NullMarked
package org.commonweal.opendata.feedback;

import org.jspecify.annotations.NullMarked;
