package org.commonweal.requests.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonweal.requests.Category;
import org.commonweal.requests.CategoryAttribute;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The new-request form as typed, kept as text so that whatever was entered comes back on the page
 * with the problems marked. Answers to a category's questions arrive as {@code attribute.CODE}.
 */
public record RequestForm(String description, String address, String lat, String lon, Map<String, List<String>> answers,
                   String contactName, String contactEmail, String contactPhone, boolean namePublic, boolean confirmed) {

    public static final String ATTRIBUTE_PREFIX = "attribute.";

    public static RequestForm empty() {
        return new RequestForm("", "", "", "", Map.of(), "", "", "", false, false);
    }

    static RequestForm from(MultiValueMap<String, String> params, Category category) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX)) {
                answers.put(name.substring(ATTRIBUTE_PREFIX.length()), new ArrayList<>(values));
            }
        });
        return new RequestForm(text(params, "description"), text(params, "address"), text(params, "lat"),
                text(params, "lon"), answers, text(params, "contactName"), text(params, "contactEmail"),
                text(params, "contactPhone"), params.containsKey("namePublic"), params.containsKey("confirmed"));
    }

    /** The first answer to a question, for text inputs. */
    public String answer(CategoryAttribute attribute) {
        List<String> values = answers.getOrDefault(attribute.code(), List.of());
        return values.isEmpty() ? "" : values.getFirst();
    }

    public boolean chose(CategoryAttribute attribute, String key) {
        return answers.getOrDefault(attribute.code(), List.of()).contains(key);
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        @Nullable String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
