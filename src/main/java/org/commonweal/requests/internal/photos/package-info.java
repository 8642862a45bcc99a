/** Checks uploaded photos by their content and strips location and camera metadata without re-encoding the pixels. */
@org.jspecify.annotations.NullMarked
package org.commonweal.requests.internal.photos;
