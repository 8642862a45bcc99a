package org.commonweal.opendata.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetRefused;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.OpenDataErrorCode;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Department staff describe, publish and change their datasets and add files and links, with
 * plain forms that work without JavaScript. An upload ends on a result page: what was added, or
 * why the file was refused and on which line (nothing of a refused file is kept).
 */
@Controller
class StaffDatasetController {

    private final Datasets datasets;
    private final MessageSource messages;

    StaffDatasetController(Datasets datasets, MessageSource messages) {
        this.datasets = datasets;
        this.messages = messages;
    }

    @GetMapping("/department/datasets")
    String list(CommonwealUser user, Model model) {
        model.addAttribute("datasets", user.organisationId() == null ? java.util.List.of() : datasets.ofPublisher(user.organisationId()));
        return "opendata/staff-datasets";
    }

    @GetMapping("/department/datasets/new")
    String newForm(Model model) {
        return form(null, DatasetForm.empty(), FormErrors.none(), model);
    }

    @PostMapping("/department/datasets/new")
    String create(@ModelAttribute DatasetForm form, @RequestParam(defaultValue = "false") boolean publish,
                  CommonwealUser user, Model model, Locale locale) {
        try {
            if (user.organisationId() == null) {
                throw new DatasetRefused(OpenDataErrorCode.NOT_YOUR_DEPARTMENT, "", "You belong to no department.");
            }
            Dataset created = datasets.create(form.input().toDraft(user.organisationId()), publish, user);
            return "redirect:/department/datasets/" + created.name() + "?saved";
        } catch (DatasetRefused refused) {
            return form(null, form, errors(refused, locale), model);
        }
    }

    @GetMapping("/department/datasets/{name}")
    String edit(@PathVariable String name, CommonwealUser user, Model model) {
        Dataset dataset = editable(name, user);
        return form(dataset, DatasetForm.of(dataset), FormErrors.none(), model);
    }

    @PostMapping("/department/datasets/{name}")
    String update(@PathVariable String name, @ModelAttribute DatasetForm form, CommonwealUser user, Model model,
                  Locale locale) {
        Dataset dataset = editable(name, user);
        try {
            Dataset changed = datasets.update(dataset.id(), form.input().toDraft(dataset.publisherId()),
                    form.version() == null ? -1 : form.version(), user);
            return "redirect:/department/datasets/" + changed.name() + "?saved";
        } catch (DatasetRefused refused) {
            return form(dataset, form, errors(refused, locale), model);
        }
    }

    @PostMapping("/department/datasets/{name}/publish")
    String publish(@PathVariable String name, CommonwealUser user, Model model, Locale locale) {
        return changeState(name, user, true, model, locale);
    }

    @PostMapping("/department/datasets/{name}/withdraw")
    String withdraw(@PathVariable String name, CommonwealUser user, Model model, Locale locale) {
        return changeState(name, user, false, model, locale);
    }

    @PostMapping("/department/datasets/{name}/files")
    String upload(@PathVariable String name, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  @RequestParam(name = "resourceName", defaultValue = "") String resourceName,
                  CommonwealUser user, Model model, Locale locale) throws IOException {
        Dataset dataset = editable(name, user);
        model.addAttribute("dataset", dataset);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", messages.getMessage("opendata.error.file_empty", null, locale));
            return "opendata/upload-result";
        }
        try (InputStream content = file.getInputStream()) {
            DataResource added = datasets.addFile(dataset.id(), resourceName, "",
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), content, user);
            model.addAttribute("resource", added);
        } catch (CommonwealException refused) {
            model.addAttribute("problem", messages.getMessage(refused.errorCode().messageKey(), null,
                    refused.errorCode().code(), locale) + " — " + refused.getMessage());
        }
        return "opendata/upload-result";
    }

    @PostMapping("/department/datasets/{name}/links")
    String link(@PathVariable String name, @RequestParam(defaultValue = "") String linkName,
                @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "API") String format,
                CommonwealUser user, Model model, Locale locale) {
        Dataset dataset = editable(name, user);
        try {
            datasets.addLink(dataset.id(), linkName, "", url, format, user);
            return "redirect:/department/datasets/" + name + "?saved";
        } catch (DatasetRefused refused) {
            return form(dataset, DatasetForm.of(dataset), errors(refused, locale), model);
        }
    }

    private String changeState(String name, CommonwealUser user, boolean publish, Model model, Locale locale) {
        Dataset dataset = editable(name, user);
        try {
            if (publish) {
                datasets.publish(dataset.id(), user);
            } else {
                datasets.withdraw(dataset.id(), user);
            }
            return "redirect:/department/datasets/" + name + "?saved";
        } catch (DatasetRefused refused) {
            return form(dataset, DatasetForm.of(dataset), errors(refused, locale), model);
        }
    }

    private String form(@Nullable Dataset dataset, DatasetForm form, FormErrors errors, Model model) {
        model.addAttribute("dataset", dataset);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "opendata/staff-dataset";
    }

    /** The refusal as a message beside its field (form fields are named in camelCase, refusals in snake_case). */
    private FormErrors errors(DatasetRefused refused, Locale locale) {
        String field = camel(refused.field());
        String label = field.isEmpty() ? "" : messages.getMessage("opendata.field." + field, null, field, locale) + ": ";
        return FormErrors.none().add(field, label + messages.getMessage(refused.errorCode().messageKey(), null,
                refused.getMessage(), locale));
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private Dataset editable(String name, CommonwealUser user) {
        return datasets.findByName(name).filter(d -> datasets.mayEdit(d, user))
                .orElseThrow(() -> new DatasetRefused(OpenDataErrorCode.DATASET_NOT_FOUND, "",
                        "Your department has no dataset named " + name + "."));
    }
}
