/** Applications for conditional datasets, the departments' decisions and the access keys they lead to. */
@NullMarked
package org.commonweal.opendata.access;

import org.jspecify.annotations.NullMarked;
