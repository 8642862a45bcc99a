package org.commonweal.requests;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.commonweal.requests.CategoryAttribute.Choice;
import org.commonweal.requests.CategoryAttribute.Datatype;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The kinds of request people can make, read once from {@code requests/categories.json}. */
@Service
public class Categories {

    private final List<Category> all;

    Categories(JsonMapper json) {
        this.all = load(json).stream().map(Categories::toCategory).toList();
    }

    public List<Category> all() {
        return all;
    }

    public Optional<Category> find(String code) {
        return all.stream().filter(category -> category.code().equals(code)).findFirst();
    }

    public Category get(String code) {
        return find(code).orElseThrow(() -> new RequestRefused(RequestsErrorCode.UNKNOWN_CATEGORY,
                "There is no request category with the code '" + code + "'", code));
    }

    /** Categories whose names or keywords match any of the words, best first; all of them for no words. */
    public List<Category> search(String words) {
        String[] terms = words.strip().split("\\s+");
        return all.stream()
                .filter(category -> java.util.Arrays.stream(terms).anyMatch(category::matches))
                .toList();
    }

    /** The group names, for listing categories under headings. */
    public static String groupKey(Category category) {
        return "requests.group." + category.group();
    }

    private record File(List<Entry> categories) {
    }

    private record Entry(String code, String nameZh, String nameEn, String group, @Nullable String department,
                         TimeLimitClass timeLimit, boolean location, List<String> keywords, List<AttributeEntry> attributes) {
    }

    private record AttributeEntry(String code, String datatype, boolean required, String descriptionZh,
                                  String descriptionEn, @Nullable List<Choice> values) {
    }

    private static List<Entry> load(JsonMapper json) {
        try (InputStream in = new ClassPathResource("requests/categories.json").getInputStream()) {
            return json.readValue(in, File.class).categories();
        } catch (IOException e) {
            throw new IllegalStateException("requests/categories.json is missing from the build", e);
        }
    }

    private static Category toCategory(Entry entry) {
        List<CategoryAttribute> attributes = entry.attributes().stream()
                .map(a -> new CategoryAttribute(a.code(), Datatype.valueOf(a.datatype().toUpperCase(Locale.ROOT)),
                        a.required(), a.descriptionZh(), a.descriptionEn(), a.values() == null ? List.of() : a.values()))
                .toList();
        return new Category(entry.code(), entry.nameZh(), entry.nameEn(), entry.group(), entry.department(),
                entry.timeLimit(), entry.location(), entry.keywords(), attributes);
    }
}
