package org.commonweal.catalogue.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.CatalogueBrowsing;
import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueRefused;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.Visibility;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.ledger.Ledger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalogue for everyone: search in Chinese or English, browse by department and class, read a resource. */
@Controller
class CataloguePagesController {

    static final List<String> CLASSES = List.of("1", "2", "3");
    private static final int MAX_WORDS = 200;
    private static final int PAGE_SIZE = 50;

    private final CatalogueBrowsing browsing;
    private final Catalogue catalogue;
    private final Departments departments;
    private final Ledger ledger;

    CataloguePagesController(CatalogueBrowsing browsing, Catalogue catalogue, Departments departments, Ledger ledger) {
        this.browsing = browsing;
        this.catalogue = catalogue;
        this.departments = departments;
        this.ledger = ledger;
    }

    @GetMapping("/catalogue")
    String browse(@Nullable CommonwealUser user, @RequestParam(defaultValue = "") String q,
                  @RequestParam(defaultValue = "") String provider, @RequestParam(defaultValue = "") String classification,
                  @RequestParam(name = "page", defaultValue = "1") String pageParameter, Model model) {
        String words = q.length() > MAX_WORDS ? q.substring(0, MAX_WORDS) : q;
        List<Organisation> all = departments.all();
        String chosenProvider = all.stream().anyMatch(d -> d.identifier().memberCode().equals(provider)) ? provider : "";
        String chosenClass = CLASSES.contains(classification) ? classification : "";
        Visibility visibility = Visibility.of(user);
        int pageNumber = pageNumber(pageParameter);
        CatalogueBrowsing.Results results = browsing.find(new CatalogueBrowsing.Query(words, chosenProvider, chosenClass),
                visibility, pageNumber, PAGE_SIZE);
        Map<String, Integer> counts = browsing.countsByProvider(visibility);
        model.addAttribute("q", words);
        model.addAttribute("provider", chosenProvider);
        model.addAttribute("classification", chosenClass);
        model.addAttribute("classes", CLASSES);
        model.addAttribute("departments", all);
        model.addAttribute("names", names(all));
        model.addAttribute("counts", counts);
        model.addAttribute("results", results);
        model.addAttribute("government", visibility == Visibility.GOVERNMENT);
        return "catalogue/browse";
    }

    @GetMapping("/catalogue/resources/{code}")
    String show(@Nullable CommonwealUser user, @PathVariable String code, @RequestParam(defaultValue = "") String done,
                Model model) {
        DataResource resource = catalogue.find(code).filter(Visibility.of(user)::sees)
                .orElseThrow(() -> new CatalogueRefused(CatalogueErrorCode.RESOURCE_NOT_FOUND,
                        "No resource in the catalogue has code " + code, code));
        model.addAttribute("resource", resource);
        model.addAttribute("names", names(departments.all()));
        model.addAttribute("manages", user != null && catalogue.mayManage(user, resource.provider()));
        model.addAttribute("evidence", ledger.entriesAbout(code));
        model.addAttribute("done", List.of("registered", "changed", "retired").contains(done) ? done : "");
        return "catalogue/show";
    }

    /** Page numbers from 1 to 10,000; anything else is page 1. */
    private static int pageNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            return number >= 1 && number <= 10_000 ? number : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static Map<String, Organisation> names(List<Organisation> departments) {
        return departments.stream().collect(Collectors.toMap(d -> d.identifier().memberCode(), Function.identity(),
                (a, b) -> a));
    }
}
