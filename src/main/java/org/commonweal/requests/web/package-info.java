/** The requests module's pages. */
@NullMarked
package org.commonweal.requests.web;

import org.jspecify.annotations.NullMarked;
