package org.commonweal.exchange.web;

/**
 * Chart data that can sit inside {@code <script type="application/json">}: JSON allows {@code <},
 * {@code >} and {@code &} only in strings, where the escapes mean the same characters, so a name such
 * as {@code </script>} cannot end the element.
 */
final class ChartData {

    private ChartData() {
    }

    static String scriptSafe(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
