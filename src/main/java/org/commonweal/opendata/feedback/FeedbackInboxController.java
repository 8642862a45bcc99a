package org.commonweal.opendata.feedback;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.access.ParticipationErrorCode;
import org.commonweal.opendata.access.ParticipationMessages;
import org.commonweal.opendata.access.ParticipationRefused;
import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A department answers the requests and error reports addressed to it (and the "don't know" ones), in public. */
@Controller
class FeedbackInboxController {

    private final DataFeedback feedback;
    private final Datasets datasets;
    private final Organisations organisations;
    private final MessageSource messages;

    FeedbackInboxController(DataFeedback feedback, Datasets datasets, Organisations organisations, MessageSource messages) {
        this.feedback = feedback;
        this.datasets = datasets;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/department/opendata/requests")
    String inbox(CommonwealUser user, Model model) {
        if (user.organisationId() == null) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "", "Only department staff have an inbox.");
        }
        model.addAttribute("items", feedback.toAnswer(user.organisationId()));
        model.addAttribute("names", new FeedbackNames(datasets, organisations));
        return "opendata/feedback/inbox";
    }

    @GetMapping("/department/opendata/requests/{number}")
    String item(@PathVariable String number, CommonwealUser user, Model model) {
        return render(answerable(number, user), FormErrors.none(), "", model);
    }

    @PostMapping("/department/opendata/requests/{number}/answer")
    String answer(@PathVariable String number, @RequestParam(defaultValue = "") String outcome,
                  @RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "-1") String version,
                  CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        Feedback item = answerable(number, user);
        try {
            if (!outcome.equals("answer") && !outcome.equals("decline")) {
                throw new ParticipationRefused(ParticipationErrorCode.FIELD_MISSING, "outcome-answer",
                        "Choose whether you answer or decline.");
            }
            feedback.answer(item.id(), outcome.equals("decline"), answer, version(version), user);
            return "redirect:/data/requests/" + number + "?answered";
        } catch (ParticipationRefused refused) {
            response.setStatus(refused.code().status().value());
            return render(feedback.get(item.id()), ParticipationMessages.errors(refused, messages, locale), answer, model);
        }
    }

    private Feedback answerable(String number, CommonwealUser user) {
        Feedback item = feedback.findByNumber(number).orElseThrow(() -> new ParticipationRefused(
                ParticipationErrorCode.FEEDBACK_NOT_FOUND, "", "No request or error report has this number."));
        if (!feedback.mayAnswer(item, user)) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "",
                    "Only staff of the department it is addressed to can answer this.");
        }
        return item;
    }

    private String render(Feedback item, FormErrors errors, String answer, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("errors", errors);
        model.addAttribute("answer", answer);
        model.addAttribute("names", new FeedbackNames(datasets, organisations));
        return "opendata/feedback/answer";
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
