package org.commonweal.privacy.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.commonweal.privacy.DataUseTracker;
import org.commonweal.privacy.PrivacyErrorCode;
import org.commonweal.privacy.TrackerEntry;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Who used my data": a signed-in citizen links their resident ID number once, then sees every
 * gateway call that named them, and downloads the list as CSV (with a BOM for spreadsheet programs,
 * formula-safe) or JSON.
 */
@Controller
class MyDataController {

    private final DataUseTracker tracker;
    private final MessageSource messages;
    private final JsonMapper json;

    MyDataController(DataUseTracker tracker, MessageSource messages, JsonMapper json) {
        this.tracker = tracker;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/privacy/my-data")
    String page(CommonwealUser user, Model model, Locale locale) {
        citizen(user);
        return render(user, FormErrors.none(), model, locale);
    }

    @PostMapping("/privacy/my-data/id-number")
    String link(@RequestParam(defaultValue = "") String idNumber, CommonwealUser user, Model model,
                HttpServletResponse response, Locale locale) {
        citizen(user);
        try {
            tracker.link(user.id(), idNumber);
            return "redirect:/privacy/my-data?saved";
        } catch (CommonwealException refused) {
            response.setStatus(refused.errorCode().status().value());
            return render(user, FormErrors.none().add("idNumber",
                    messages.getMessage(refused.errorCode().messageKey(), null, locale)), model, locale);
        }
    }

    @PostMapping("/privacy/my-data/id-number/remove")
    String unlink(CommonwealUser user) {
        citizen(user);
        tracker.unlink(user.id());
        return "redirect:/privacy/my-data?saved";
    }

    @GetMapping("/privacy/my-data.csv")
    ResponseEntity<byte[]> csv(CommonwealUser user, Locale locale) throws IOException {
        citizen(user);
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // so spreadsheet programs read UTF-8
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(List.of("at", "consumer", "consumer_code", "provider", "resource", "data_items", "purpose",
                    "issue", "status_code").stream().map(column -> t("privacy.csv." + column, locale)).toList());
            for (TrackerEntry entry : tracker.entries(user.id(), locale)) {
                csv.printRecord(safe(entry.at().toString()), safe(entry.consumer()), safe(entry.consumerCode()),
                        safe(entry.provider()), safe(entry.resource()), safe(String.join("; ", entry.dataItems())),
                        safe(entry.purpose()), safe(entry.issue()), entry.status());
            }
        }
        return download(out.toString().getBytes(StandardCharsets.UTF_8), "who-used-my-data.csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/privacy/my-data.json")
    ResponseEntity<byte[]> json(CommonwealUser user, Locale locale) {
        citizen(user);
        List<Map<String, Object>> rows = tracker.entries(user.id(), locale).stream().map(entry -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", entry.at().toString());
            row.put("consumer", entry.consumer());
            row.put("consumer_code", entry.consumerCode());
            row.put("provider", entry.provider());
            row.put("resource", entry.resource());
            row.put("data_items", entry.dataItems());
            row.put("purpose", entry.purpose());
            row.put("issue", entry.issue());
            row.put("status", entry.status());
            return row;
        }).toList();
        return download(json.writeValueAsBytes(Map.of("calls", rows)), "who-used-my-data.json", MediaType.APPLICATION_JSON);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** A cell a spreadsheet would run as a formula starts with a quote instead (OWASP CSV injection). */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private String render(CommonwealUser user, FormErrors errors, Model model, Locale locale) {
        boolean linked = tracker.linked(user.id());
        model.addAttribute("linked", linked);
        model.addAttribute("entries", linked ? tracker.entries(user.id(), locale) : List.of());
        model.addAttribute("errors", errors);
        return "privacy/my-data";
    }

    private static void citizen(CommonwealUser user) {
        if (!user.has(Role.CITIZEN) || user.machineClient()) {
            throw new CommonwealException(PrivacyErrorCode.NOT_A_CITIZEN, "Only citizens have this page");
        }
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
