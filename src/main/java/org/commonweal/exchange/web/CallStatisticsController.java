package org.commonweal.exchange.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.commonweal.exchange.ApplicationErrorCode;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.CallCount;
import org.commonweal.exchange.CallRecords;
import org.commonweal.exchange.SharingApplications;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.ScriptJson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls through the gateway per resource and per consumer department over a period (30 days by
 * default): a chart of each, and a table with the same numbers under it (all there is without JavaScript).
 */
@Controller
class CallStatisticsController {

    private static final int MAX_DAYS = 366;

    private final CallRecords calls;
    private final SharingApplications applications;
    private final Agreements agreements;
    private final SharingNames names;
    private final JsonMapper json;

    CallStatisticsController(CallRecords calls, SharingApplications applications, Agreements agreements,
                             SharingNames names, JsonMapper json) {
        this.calls = calls;
        this.applications = applications;
        this.agreements = agreements;
        this.names = names;
        this.json = json;
    }

    @GetMapping("/sharing/statistics")
    String statistics(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                      CommonwealUser user, Model model, Locale locale) {
        boolean all = user.has(Role.DATA_AUTHORITY) || user.has(Role.AUDITOR) || user.has(Role.PLATFORM_ADMIN);
        String member = applications.memberOf(user);
        if (!all && (member == null || !(user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN)))) {
            throw new CommonwealException(ApplicationErrorCode.NOT_A_DEPARTMENT, "Only department staff see call statistics");
        }
        LocalDate today = agreements.today();
        LocalDate end = day(to, today);
        LocalDate start = day(from, end.minusDays(29));
        if (start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        if (start.isBefore(end.minusDays(MAX_DAYS))) {
            start = end.minusDays(MAX_DAYS);
        }
        List<CallCount> counts = all ? calls.daily(start, end, null, null)
                : concat(calls.daily(start, end, member, null), calls.daily(start, end, null, member));
        List<CallRow> byResource = rows(counts, c -> names.resource(c.resourceCode().isEmpty() ? "—" : c.resourceCode(), locale));
        List<CallRow> byConsumer = rows(counts, c -> names.department(c.consumerMember(), locale));
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("all", all);
        model.addAttribute("byResource", byResource);
        model.addAttribute("byConsumer", byConsumer);
        model.addAttribute("resourceChart", chart(byResource));
        model.addAttribute("consumerChart", chart(byConsumer));
        return "sharing/statistics";
    }

    /** Calls where the department is both provider and consumer appear in both lists: count them once. */
    private static List<CallCount> concat(List<CallCount> asProvider, List<CallCount> asConsumer) {
        java.util.LinkedHashSet<CallCount> union = new java.util.LinkedHashSet<>(asProvider);
        union.addAll(asConsumer);
        return List.copyOf(union);
    }

    private static List<CallRow> rows(List<CallCount> counts, Function<CallCount, String> label) {
        Map<String, long[]> sums = new TreeMap<>();
        for (CallCount count : counts) {
            long[] sum = sums.computeIfAbsent(label.apply(count), k -> new long[2]);
            sum[0] += count.calls();
            sum[1] += count.failed();
        }
        return sums.entrySet().stream().map(e -> new CallRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted((a, b) -> Long.compare(b.calls(), a.calls())).toList();
    }

    private String chart(List<CallRow> rows) {
        return ScriptJson.safe(json.writeValueAsString(Map.of(
                "labels", rows.stream().map(CallRow::label).toList(),
                "calls", rows.stream().map(CallRow::calls).toList(),
                "failed", rows.stream().map(CallRow::failed).toList())));
    }

    private static LocalDate day(String text, LocalDate fallback) {
        try {
            return text.isBlank() ? fallback : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
