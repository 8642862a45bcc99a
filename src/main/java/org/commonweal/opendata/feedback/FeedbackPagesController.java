package org.commonweal.opendata.feedback;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.access.ParticipationErrorCode;
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

/** The public list of dataset requests and error reports, one item's page, and the form to send one. */
@Controller
class FeedbackPagesController {

    private final DataFeedback feedback;
    private final Datasets datasets;
    private final Organisations organisations;
    private final MessageSource messages;

    FeedbackPagesController(DataFeedback feedback, Datasets datasets, Organisations organisations, MessageSource messages) {
        this.feedback = feedback;
        this.datasets = datasets;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/data/requests")
    String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "1") String page, Model model) {
        Feedback.State s = parse(Feedback.State.class, state);
        Feedback.Kind k = parse(Feedback.Kind.class, kind);
        int pageNumber = pageNumber(page);
        List<Feedback> items = feedback.list(s, k, pageNumber);
        boolean more = items.size() > DataFeedback.PAGE_SIZE;
        model.addAttribute("items", more ? items.subList(0, DataFeedback.PAGE_SIZE) : items);
        model.addAttribute("more", more);
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("names", new FeedbackNames(datasets, organisations));
        return "opendata/feedback/list";
    }

    @GetMapping("/data/requests/{number}")
    String show(@PathVariable String number, @RequestParam(required = false) @Nullable String sent,
                @RequestParam(required = false) @Nullable String answered, Model model) {
        Feedback item = feedback.findByNumber(number).orElseThrow(() -> new ParticipationRefused(
                ParticipationErrorCode.FEEDBACK_NOT_FOUND, "", "No request or error report has this number."));
        model.addAttribute("item", item);
        model.addAttribute("notice", sent != null ? "opendata.feedback.notice.sent"
                : answered != null ? "opendata.feedback.notice.answered" : null);
        model.addAttribute("names", new FeedbackNames(datasets, organisations));
        return "opendata/feedback/show";
    }

    @GetMapping("/data/requests/new")
    String form(@RequestParam(defaultValue = "") String dataset, @Nullable CommonwealUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        String kind = dataset.isEmpty() ? "DATASET_REQUEST" : "ERROR_REPORT";
        String known = datasets.findByName(dataset).filter(Dataset::isPublic).map(Dataset::name).orElse("");
        return render(new FeedbackForm(kind, known, "", "", ""), FormErrors.none(), model);
    }

    @PostMapping("/data/requests/new")
    String submit(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String dataset,
                  @RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String body, @Nullable CommonwealUser user, Model model,
                  HttpServletResponse response, Locale locale) {
        if (user == null) {
            return "redirect:/login";
        }
        FeedbackForm form = new FeedbackForm(kind, dataset, department, title, body);
        try {
            Feedback.Kind k = parse(Feedback.Kind.class, kind);
            if (k == null) {
                throw new ParticipationRefused(ParticipationErrorCode.FIELD_MISSING, "kind-DATASET_REQUEST",
                        "Choose whether you ask for a dataset or report an error.");
            }
            UUID datasetId = k == Feedback.Kind.ERROR_REPORT
                    ? datasets.findByName(dataset.strip()).filter(Dataset::isPublic).map(Dataset::id).orElse(null) : null;
            UUID departmentId = department.isBlank() ? null : uuid(department);
            Feedback saved = feedback.submit(k, datasetId, departmentId, title, body, user);
            return "redirect:/data/requests/" + saved.number() + "?sent";
        } catch (ParticipationRefused refused) {
            response.setStatus(refused.code().status().value());
            return render(form, ParticipationMessages.errors(refused, messages, locale), model);
        }
    }

    private String render(FeedbackForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("departments", organisations.departments());
        return "opendata/feedback/new";
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ParticipationRefused(ParticipationErrorCode.DEPARTMENT_NOT_FOUND, "department",
                    "Choose a department from the list, or \"don't know\".");
        }
    }

    static int pageNumber(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n < 1 || n > 1000 ? 1 : n;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, String text) {
        try {
            return text.isBlank() ? null : Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
