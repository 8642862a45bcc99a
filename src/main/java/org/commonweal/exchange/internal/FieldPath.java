package org.commonweal.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small JSONPath subset a service registration maps to data items: {@code $} followed by
 * {@code .name} steps and {@code [*]} for every element of an array, for example
 * {@code $.children[*].name}. Enough to name any field of a JSON document, easy to check.
 */
public record FieldPath(List<String> steps) {

    /** The step that stands for every element of an array. */
    public static final String EVERY_ELEMENT = "[*]";
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_\\-]{0,99})|\\[\\*\\]");

    public FieldPath {
        steps = List.copyOf(steps);
    }

    /** Parses a path or says what is wrong with it. */
    public static FieldPath parse(String text) {
        if (!text.startsWith("$") || text.length() > 500) {
            throw new IllegalArgumentException("A field path starts with '$', for example $.name or $.children[*].name");
        }
        List<String> steps = new ArrayList<>();
        Matcher step = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!step.find(at) || step.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is not a field path: use .name and [*] steps after '$'");
            }
            steps.add(step.group(1) != null ? step.group(1) : EVERY_ELEMENT);
            at = step.end();
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("'$' alone would map the whole response; name a field, for example $.name");
        }
        return new FieldPath(steps);
    }
}
