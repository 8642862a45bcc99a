package org.commonweal.opendata.feedback;

/** What the request form holds, for showing it again with its errors. */
public record FeedbackForm(String kind, String dataset, String department, String title, String body) {
}
