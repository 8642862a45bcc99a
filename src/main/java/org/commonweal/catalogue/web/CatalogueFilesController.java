package org.commonweal.catalogue.web;

import java.util.Locale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueImports;
import org.commonweal.catalogue.CatalogueRefused;
import org.commonweal.catalogue.CatalogueSettings;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.ImportStatus;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.platform.web.FormErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/** Import (with a status page that refreshes itself while it runs) and export of a department's catalogue. */
@Controller
class CatalogueFilesController {

    private final CatalogueImports imports;
    private final Catalogue catalogue;
    private final Departments departments;
    private final CatalogueSettings settings;
    private final MessageSource messages;

    CatalogueFilesController(CatalogueImports imports, Catalogue catalogue, Departments departments,
                             CatalogueSettings settings, MessageSource messages) {
        this.messages = messages;
        this.imports = imports;
        this.catalogue = catalogue;
        this.departments = departments;
        this.settings = settings;
    }

    @GetMapping("/department/catalogue/import")
    String importForm(CommonwealUser user, Model model) {
        return importPage(model, departments.managed(user, ""), FormErrors.none());
    }

    @PostMapping("/department/catalogue/import")
    String importFile(CommonwealUser user, @RequestParam(required = false) MultipartFile file,
                      Locale locale, Model model, HttpServletResponse response) throws IOException {
        Texts page = new Texts(messages, locale);
        Organisation department = departments.managed(user, "");
        if (file == null || file.isEmpty()) {
            return refused(model, response, department, page, CatalogueErrorCode.FILE_MISSING, "");
        }
        if (file.getSize() > settings.maxImportSize().toBytes()) {
            return refused(model, response, department, page, CatalogueErrorCode.FILE_TOO_LARGE, settings.maxImportSize().toMegabytes());
        }
        try {
            UUID id = imports.start(String.valueOf(file.getOriginalFilename()), file.getBytes(), user);
            return "redirect:/department/catalogue/imports/" + id;
        } catch (CatalogueRefused refused) {
            if (refused.code() == CatalogueErrorCode.NOT_PROVIDER) {
                throw refused;
            }
            return refused(model, response, department, page, refused.code(), refused.arguments());
        }
    }

    @GetMapping("/department/catalogue/imports/{id}")
    String status(CommonwealUser user, @PathVariable String id, Model model) {
        ImportStatus status = parse(id).flatMap(uuid -> imports.status(uuid, user)).orElseThrow(() ->
                new CatalogueRefused(CatalogueErrorCode.IMPORT_NOT_FOUND, "No import " + id + " of yours", id));
        model.addAttribute("status", status);
        return "catalogue/import-status";
    }

    /** The progress region alone, which the status page's htmx polls while the import runs. */
    @GetMapping("/department/catalogue/imports/{id}/progress")
    String progress(CommonwealUser user, @PathVariable String id, Model model) {
        status(user, id, model);
        return "catalogue/importProgress";
    }

    @GetMapping("/department/catalogue/export.csv")
    ResponseEntity<byte[]> exportCsv(CommonwealUser user, @RequestParam(defaultValue = "") String provider) {
        List<DataResource> resources = exported(user, provider);
        return download(imports.csv(resources), "catalogue-" + name(user, provider) + ".csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/department/catalogue/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(CommonwealUser user, @RequestParam(defaultValue = "") String provider) {
        List<DataResource> resources = exported(user, provider);
        return download(imports.xlsx(resources), "catalogue-" + name(user, provider) + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    /** The current resources of the managed department; a platform administrator exports all with provider=ALL. */
    private List<DataResource> exported(CommonwealUser user, String provider) {
        if ("ALL".equals(provider) && user.has(org.commonweal.identity.Role.PLATFORM_ADMIN)) {
            return catalogue.all().stream().filter(r -> !r.retired()).toList();
        }
        return catalogue.ofProvider(departments.managed(user, provider).identifier().memberCode());
    }

    private String name(CommonwealUser user, String provider) {
        if ("ALL".equals(provider) && user.has(org.commonweal.identity.Role.PLATFORM_ADMIN)) {
            return "all";
        }
        return departments.managed(user, provider).identifier().memberCode();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** The import form again, with the reason the file was refused and the matching 4xx status. */
    private String refused(Model model, HttpServletResponse response, Organisation department, Texts page,
                           CatalogueErrorCode code, Object... arguments) {
        response.setStatus(code.status().value());
        return importPage(model, department, FormErrors.none().add("file", page.t(code.messageKey(), arguments)));
    }

    private String importPage(Model model, Organisation department, FormErrors errors) {
        model.addAttribute("department", department);
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", settings.maxImportSize().toMegabytes());
        model.addAttribute("maxRows", settings.maxImportRows());
        return "catalogue/import";
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
