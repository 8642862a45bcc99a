package org.commonweal.opendata.reuse;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.access.ParticipationIds;
import org.commonweal.opendata.access.ParticipationMessages;
import org.commonweal.opendata.access.ParticipationRefused;
import org.commonweal.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public list of reuses, the form to register one, and moderation by departments. */
@Controller
class ReusePagesController {

    private final Reuses reuses;
    private final Datasets datasets;
    private final MessageSource messages;
    private final DatasetChoices choices;

    ReusePagesController(Reuses reuses, Datasets datasets, MessageSource messages, DatasetChoices choices) {
        this.choices = choices;
        this.reuses = reuses;
        this.datasets = datasets;
        this.messages = messages;
    }

    @GetMapping("/data/reuses")
    String list(@RequestParam(required = false) @Nullable String submitted, Model model) {
        model.addAttribute("reuses", reuses.approved());
        model.addAttribute("names", new DatasetTitles(datasets));
        model.addAttribute("submitted", submitted != null);
        return "opendata/reuse/list";
    }

    @GetMapping("/data/reuses/new")
    String form(@RequestParam(defaultValue = "") String dataset, @Nullable CommonwealUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        return render(new ReuseForm("", "", "", "", "", dataset.isBlank() ? List.of() : List.of(dataset)), FormErrors.none(),
                model);
    }

    @PostMapping("/data/reuses/new")
    String register(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String kind,
                    @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
                    @RequestParam(defaultValue = "") String author,
                    @RequestParam(name = "datasets", required = false) @Nullable List<String> chosen,
                    @Nullable CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        if (user == null) {
            return "redirect:/login";
        }
        List<String> names = chosen == null ? List.of() : chosen;
        ReuseForm form = new ReuseForm(title, kind, url, description, author, names);
        try {
            reuses.register(title, kind, url, description, author, names, user);
            return "redirect:/data/reuses?submitted";
        } catch (ParticipationRefused refused) {
            response.setStatus(refused.code().status().value());
            FormErrors errors = FormErrors.none().add(fieldId(refused.field()), ParticipationMessages.of(refused, messages, locale));
            return render(form, errors, model);
        }
    }

    @GetMapping("/department/opendata/reuses")
    String moderation(CommonwealUser user, Model model) {
        return renderModeration(user, FormErrors.none(), null, model);
    }

    @PostMapping("/department/opendata/reuses/{id}/moderation")
    String moderate(@PathVariable("id") String rawId, @RequestParam(defaultValue = "") String decision,
                    @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "-1") String version,
                    CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        UUID id = ParticipationIds.reuseId(rawId);
        try {
            int seen;
            try {
                seen = Integer.parseInt(version.strip());
            } catch (NumberFormatException e) {
                seen = -1;
            }
            reuses.moderate(id, !decision.equals("reject"), reason, seen, user);
            return "redirect:/department/opendata/reuses?saved";
        } catch (ParticipationRefused refused) {
            if (refused.field().isEmpty() && refused.code().status().value() != 409) {
                throw refused;
            }
            response.setStatus(refused.code().status().value());
            String field = refused.field().isEmpty() ? "" : "reason-" + id;
            return renderModeration(user, FormErrors.none().add(field, ParticipationMessages.of(refused, messages, locale)), id, model);
        }
    }

    private String renderModeration(CommonwealUser user, FormErrors errors, @Nullable UUID failed, Model model) {
        model.addAttribute("failed", failed == null ? "" : failed.toString());
        model.addAttribute("reuses", reuses.toModerate(user));
        model.addAttribute("names", new DatasetTitles(datasets));
        model.addAttribute("errors", errors);
        return "opendata/reuse/moderate";
    }

    private String render(ReuseForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", choices.all());
        return "opendata/reuse/new";
    }

    /** The first dataset checkbox carries the id the error summary links to. */
    private static String fieldId(String field) {
        return field.equals("datasets") ? "datasets-0" : field.equals("kind") ? "kind-APP" : field;
    }
}
