/** DCAT-AP 3.0.1: the catalogue and each dataset in Turtle, RDF/XML and JSON-LD, written directly. */
@NullMarked
package org.commonweal.opendata.dcat;

import org.jspecify.annotations.NullMarked;
