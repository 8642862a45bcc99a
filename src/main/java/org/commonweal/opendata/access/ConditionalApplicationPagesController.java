package org.commonweal.opendata.access;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.Dataset;
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

/** Applicants: apply for a conditional dataset, follow their applications, collect and revoke their key. */
@Controller
class ConditionalApplicationPagesController {

    private final ConditionalAccess access;
    private final Datasets datasets;
    private final Organisations organisations;
    private final MessageSource messages;

    ConditionalApplicationPagesController(ConditionalAccess access, Datasets datasets, Organisations organisations,
                               MessageSource messages) {
        this.access = access;
        this.datasets = datasets;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/data/datasets/{name}/apply")
    String form(@PathVariable String name, @Nullable CommonwealUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        Dataset dataset = conditional(name);
        return render(dataset, user, new NewApplication("", "", "", "", ""), FormErrors.none(), model);
    }

    @PostMapping("/data/datasets/{name}/apply")
    String apply(@PathVariable String name, @RequestParam(defaultValue = "") String affiliation,
                 @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String intendedUse,
                 @RequestParam(defaultValue = "") String periodStart, @RequestParam(defaultValue = "") String periodEnd,
                 @Nullable CommonwealUser user, Model model, HttpServletResponse response, Locale locale) {
        if (user == null) {
            return "redirect:/login";
        }
        Dataset dataset = conditional(name);
        NewApplication form = new NewApplication(affiliation, purpose, intendedUse, periodStart, periodEnd);
        try {
            Application application = access.apply(dataset.id(), form, user);
            return "redirect:/data/applications/" + application.id() + "?submitted";
        } catch (ParticipationRefused refused) {
            if (refused.field().isEmpty()) {
                throw refused;
            }
            response.setStatus(refused.code().status().value());
            return render(dataset, user, form, ParticipationMessages.errors(refused, messages, locale), model);
        }
    }

    @GetMapping("/data/applications")
    String mine(@Nullable CommonwealUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        List<Application> applications = access.ofApplicant(user);
        model.addAttribute("applications", applications);
        model.addAttribute("datasets", applications.stream().map(a -> datasets.find(a.datasetId()).orElseThrow()).toList());
        return "opendata/access/mine";
    }

    @GetMapping("/data/applications/{id}")
    String show(@PathVariable("id") String rawId, @Nullable CommonwealUser user, @RequestParam(required = false) @Nullable String submitted,
                Model model) {
        UUID id = ParticipationIds.applicationId(rawId);
        if (user == null) {
            return "redirect:/login";
        }
        return renderShow(access.read(id, user), user, submitted != null, null, model);
    }

    /** Shows the new key once, in the answer to this POST: never in a page that can be reloaded by GET. */
    @PostMapping("/data/applications/{id}/key")
    String issueKey(@PathVariable("id") String rawId, @Nullable CommonwealUser user, Model model, HttpServletResponse response) {
        UUID id = ParticipationIds.applicationId(rawId);
        if (user == null) {
            return "redirect:/login";
        }
        IssuedKey key = access.issueKey(id, user);
        response.setHeader("Cache-Control", "no-store");
        return renderShow(access.get(id), user, false, key, model);
    }

    @PostMapping("/data/applications/{id}/key/revoke")
    String revokeKey(@PathVariable("id") String rawId, @Nullable CommonwealUser user) {
        UUID id = ParticipationIds.applicationId(rawId);
        if (user == null) {
            return "redirect:/login";
        }
        access.revokeKeys(id, user);
        return "redirect:/data/applications/" + id + "?revoked";
    }

    private String renderShow(Application application, CommonwealUser user, boolean submitted, @Nullable IssuedKey key,
                              Model model) {
        model.addAttribute("application", application);
        model.addAttribute("dataset", datasets.find(application.datasetId()).orElseThrow());
        model.addAttribute("department", organisations.get(application.departmentId()));
        model.addAttribute("applicant", application.applicantId().equals(user.id()));
        model.addAttribute("submitted", submitted);
        model.addAttribute("issuedKey", key);
        model.addAttribute("keyExpiry", access.activeKeyExpiry(application.id()).orElse(null));
        model.addAttribute("now", access.now());
        return "opendata/access/show";
    }

    private String render(Dataset dataset, CommonwealUser user, NewApplication form, FormErrors errors, Model model) {
        Application.ApplicantKind kind = access.applicantKind(user);
        model.addAttribute("dataset", dataset);
        model.addAttribute("kind", kind);
        model.addAttribute("organisation", user.organisationId() == null ? null : organisations.get(user.organisationId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "opendata/access/apply";
    }

    private Dataset conditional(String name) {
        Dataset dataset = datasets.findByName(name).orElseThrow(() -> new ParticipationRefused(
                ParticipationErrorCode.DATASET_NOT_FOUND, "", "No dataset is named " + name + "."));
        return access.conditionalDataset(dataset.id());
    }
}
