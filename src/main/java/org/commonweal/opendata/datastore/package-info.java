/**
 * The datastore: a CSV or Excel resource loaded into its own PostgreSQL table, queried with
 * filters, sorting, paging and field selection (never raw SQL), downloaded filtered, previewed.
 */
@NullMarked
package org.commonweal.opendata.datastore;

import org.jspecify.annotations.NullMarked;
