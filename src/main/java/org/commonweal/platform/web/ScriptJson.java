package org.commonweal.platform.web;

/**
 * JSON that can sit inside {@code <script type="application/json">} for a page's charts: a name
 * such as {@code </script><script>...} must not end the element. JSON allows {@code <}, {@code >}
 * and {@code &} only inside strings, where the escapes {@code \u003c} ... mean the same characters,
 * so the data reads back unchanged.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    public static String safe(String json) {
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
