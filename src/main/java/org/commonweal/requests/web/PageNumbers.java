package org.commonweal.requests.web;

/** Page numbers from links people may have edited: anything unreadable is the first page. */
final class PageNumbers {

    private PageNumbers() {
    }

    static int parse(String text, int max) {
        try {
            int page = Integer.parseInt(text.strip());
            return Math.clamp(page, 1, max);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
