package org.commonweal.opendata.access;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.Datasets;
import org.commonweal.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The publishing department's inbox of applications, each with its deadline clock, and the decision form. */
@Controller
class ApplicationInboxController {

    private final ConditionalAccess access;
    private final Datasets datasets;
    private final Organisations organisations;
    private final MessageSource messages;

    ApplicationInboxController(ConditionalAccess access, Datasets datasets, Organisations organisations,
                               MessageSource messages) {
        this.access = access;
        this.datasets = datasets;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/department/opendata/applications")
    String inbox(CommonwealUser user, Model model) {
        if (user.organisationId() == null) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "", "Only department staff have an inbox.");
        }
        List<Application> applications = access.ofDepartment(user.organisationId());
        model.addAttribute("applications", applications);
        model.addAttribute("datasets", applications.stream().map(a -> datasets.find(a.datasetId()).orElseThrow()).toList());
        model.addAttribute("now", access.now());
        return "opendata/access/inbox";
    }

    @GetMapping("/department/opendata/applications/{id}")
    String application(@PathVariable("id") String rawId, CommonwealUser user, Model model) {
        UUID id = ParticipationIds.applicationId(rawId);
        return render(mayDecide(id, user), FormErrors.none(), "", model);
    }

    @PostMapping("/department/opendata/applications/{id}/decision")
    String decide(@PathVariable("id") String rawId, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "-1") String version,
                  CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        UUID id = ParticipationIds.applicationId(rawId);
        Application application = mayDecide(id, user);
        try {
            if (!decision.equals("approve") && !decision.equals("refuse")) {
                throw new ParticipationRefused(ParticipationErrorCode.FIELD_MISSING, "decision-approve", "Choose approve or refuse.");
            }
            access.decide(id, decision.equals("approve"), reason, parse(version), user);
            return "redirect:/department/opendata/applications/" + id + "?saved";
        } catch (ParticipationRefused refused) {
            response.setStatus(refused.code().status().value());
            return render(access.get(id), ParticipationMessages.errors(refused, messages, locale), reason, model);
        }
    }

    @PostMapping("/department/opendata/applications/{id}/revoke")
    String revoke(@PathVariable("id") String rawId, @RequestParam(name = "revokeReason", defaultValue = "") String reason,
                  CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        UUID id = ParticipationIds.applicationId(rawId);
        mayDecide(id, user);
        try {
            access.revoke(id, reason, user);
            return "redirect:/department/opendata/applications/" + id + "?revoked";
        } catch (ParticipationRefused refused) {
            response.setStatus(refused.code().status().value());
            FormErrors errors = FormErrors.none().add(refused.field().equals("reason") ? "revokeReason" : refused.field(),
                    ParticipationMessages.of(refused, messages, locale));
            return render(access.get(id), errors, "", model);
        }
    }

    private Application mayDecide(UUID id, CommonwealUser user) {
        Application application = access.get(id);
        if (!access.mayDecide(application, user)) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "",
                    "Only staff of the publishing department decide its applications.");
        }
        return application;
    }

    private String render(Application application, FormErrors errors, String reason, Model model) {
        model.addAttribute("application", application);
        model.addAttribute("dataset", datasets.find(application.datasetId()).orElseThrow());
        model.addAttribute("organisation", application.organisationId() == null ? null
                : organisations.get(application.organisationId()));
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        model.addAttribute("now", access.now());
        return "opendata/access/decide";
    }

    private static int parse(@Nullable String version) {
        try {
            return Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return -1; // a made-up version never matches: answered as stale
        }
    }
}
