package org.commonweal.exchange.web;

/** One row of a call statistics table, and one bar of its chart. */
public record CallRow(String label, long calls, long failed) {
}
