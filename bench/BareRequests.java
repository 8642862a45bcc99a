import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.requests.internal.TrackingNumbers;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's baseline, registered only by the benchmark: the same row insert into
 * {@code requests_request} as an Open311 POST (same columns, a random tracking number and token),
 * but no api_key, no validation, no routing, no deadlines on the calendar, no history row, no
 * notification and no evidence. The Open311 POST's throughput divided by this one's is the price of
 * doing it properly.
 */
@RestController
public class BareRequests {

    static final String PATH = "/open311/bench/bare-requests";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TrackingNumbers trackingNumbers = new TrackingNumbers();
    private final SecureRandom random = new SecureRandom();
    private volatile UUID department;
    private volatile UUID client;

    public BareRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public String create(HttpServletRequest request) {
        if (department == null) {
            // another department than the Open311 client's, so these rows never fall in its replay window
            department = organisation("URBAN-MGMT");
            client = organisation("HOUSING");
        }
        Instant now = Instant.now();
        String trackingNumber = trackingNumbers.next();
        String token = randomKey();
        jdbc.sql("INSERT INTO requests_request (id, tracking_number, service_code, description, address, lat, lon,"
                        + " district_code, attributes, status, department_id, citizen_id, contact_name, contact_email,"
                        + " contact_phone, name_public, source, client_id, idempotency_key, submitted_at, updated_at,"
                        + " response_due, resolution_due, citizen_key_hash, token)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), trackingNumber, request.getParameter("service_code"),
                        request.getParameter("description"), request.getParameter("address_string"),
                        number(request.getParameter("lat")), number(request.getParameter("long")), "LINJIANG",
                        json.writeValueAsString(attributes(request.getParameterMap())), "SUBMITTED", department, null,
                        null, request.getParameter("email"), request.getParameter("phone"), false, "open311", client, null,
                        Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.plus(Duration.ofHours(4))),
                        Timestamp.from(now.plus(Duration.ofDays(9))), null, token)
                .update();
        return "[{\"service_request_id\":\"" + trackingNumber + "\",\"token\":\"" + token
                + "\",\"service_notice\":null,\"account_id\":null}]";
    }

    private UUID organisation(String memberCode) {
        return jdbc.sql("SELECT id FROM identity_organisation WHERE member_code = ?").param(memberCode)
                .query(UUID.class).single();
    }

    private static Double number(String value) {
        return value == null ? null : Double.valueOf(value);
    }

    private static Map<String, List<String>> attributes(Map<String, String[]> parameters) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith("attribute[")) {
                String code = name.substring("attribute[".length(), name.indexOf(']'));
                answers.computeIfAbsent(code, c -> new ArrayList<>()).addAll(List.of(values));
            }
        });
        return answers;
    }

    private String randomKey() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
