package org.commonweal.requests.open311;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.requests.Categories;
import org.commonweal.requests.Category;
import org.commonweal.requests.CategoryAttribute;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The services (request categories) and the questions each one asks. */
@RestController
@Tag(name = "Open311")
@SecurityRequirements
class ServicesController {

    private final Categories categories;
    private final Jurisdiction jurisdiction;

    ServicesController(Categories categories, Jurisdiction jurisdiction) {
        this.categories = categories;
        this.jurisdiction = jurisdiction;
    }

    @GetMapping("/open311/v2/services.{format}")
    @Operation(summary = "Open311 service list: every kind of request, named in English or Chinese after Accept-Language")
    ResponseEntity<byte[]> services(@PathVariable String format, HttpServletRequest request) {
        Format chosen = Format.of(format);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        Locale locale = Language.of(request);
        List<Fields> services = categories.all().stream().map(category -> new Fields()
                .put("service_code", category.code())
                .put("service_name", category.name(locale))
                .put("metadata", !category.attributes().isEmpty())
                .put("type", "realtime")
                .put("keywords", String.join(", ", category.keywords()))
                .put("group", category.group())).toList();
        return Open311Writer.ok(chosen, "services", new Items("service", services));
    }

    @GetMapping("/open311/v2/services/{serviceCode}.{format}")
    @Operation(summary = "Open311 service definition: the questions (attributes) a service asks, with their datatypes and choices")
    ResponseEntity<byte[]> definition(@PathVariable String serviceCode, @PathVariable String format,
                                      HttpServletRequest request) {
        Format chosen = Format.of(format);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        Locale locale = Language.of(request);
        Category category = categories.find(serviceCode).orElseThrow(() -> Open311Error.notFound(
                "service_code provided was not found; services." + format + " lists the codes"));
        List<CategoryAttribute> questions = category.attributes();
        List<Fields> attributes = IntStream.range(0, questions.size())
                .mapToObj(index -> attribute(questions.get(index), index + 1, locale)).toList();
        Fields definition = new Fields()
                .put("service_code", category.code())
                .put("attributes", new Items("attribute", attributes));
        return Open311Writer.ok(chosen, "service_definition", definition);
    }

    private static Fields attribute(CategoryAttribute question, int order, Locale locale) {
        Fields attribute = new Fields()
                .put("variable", true)
                .put("code", question.code())
                .put("datatype", question.datatype().wireName())
                .put("required", question.required())
                .put("datatype_description", DatatypeDescriptions.of(question.datatype(), locale))
                .put("order", order)
                .put("description", question.description(locale));
        if (question.datatype().isList()) {
            attribute.put("values", new Items("value", question.values().stream()
                    .map(choice -> new Fields().put("key", choice.key()).put("name", choice.name(locale))).toList()));
        }
        return attribute;
    }
}
