package org.commonweal.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.commonweal.requests.RequestSettings;
import org.commonweal.requests.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the person who asked of every change to their request. Messages go into an outbox in the
 * same transaction as the change (so none is lost or sent for a change that was rolled back); the
 * {@link Mailer} sends them when SMTP is configured, and the administrator can read them either way.
 * People without an email address follow their request by its tracking number.
 */
@Component
public class Notifications {

    public record Notification(UUID id, String trackingNumber, String recipient, String subject, String body,
                               Instant createdAt, @Nullable Instant sentAt) {
    }

    private final RequestStore store;
    private final MessageSource messages;
    private final RequestSettings settings;
    private final Clock clock;

    Notifications(RequestStore store, MessageSource messages, RequestSettings settings, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** A change to tell the requester of (its kind as in the message keys). */
    public record Notice(ServiceRequest request, String kind, String note) {
    }

    /** Queues a message about each change, in both languages, to requesters who gave an email address. */
    public void changed(List<Notice> notices) {
        Instant now = clock.instant();
        List<Object[]> messages = new ArrayList<>();
        for (Notice notice : notices) {
            ServiceRequest request = notice.request();
            if (request.contactEmail() != null) {
                String link = settings.publicUrl() + "/requests/" + request.trackingNumber();
                String subject = subject(request, notice.kind(), Locale.CHINA) + " / "
                        + subject(request, notice.kind(), Locale.ENGLISH);
                String body = String.join("\n\n", body(request, notice.kind(), notice.note(), link, Locale.CHINA),
                        body(request, notice.kind(), notice.note(), link, Locale.ENGLISH));
                messages.add(new Object[]{UUID.randomUUID(), request.id(), request.contactEmail(), subject, body,
                        RequestStore.ts(now)});
            }
        }
        store.jdbcTemplate().batchUpdate("INSERT INTO requests_notification (id, request_id, recipient, subject,"
                + " body, created_at) VALUES (?, ?, ?, ?, ?, ?)", messages);
    }

    /** The newest messages, for the administrator's outbox page. */
    public List<Notification> latest(int limit) {
        return store.jdbc().sql("SELECT n.id, r.tracking_number, n.recipient, n.subject, n.body, n.created_at, n.sent_at"
                        + " FROM requests_notification n JOIN requests_request r ON r.id = n.request_id"
                        + " ORDER BY n.created_at DESC, n.id LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Notification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    private String subject(ServiceRequest request, String kind, Locale locale) {
        return messages.getMessage("requests.mail.subject", new Object[]{request.trackingNumber(),
                messages.getMessage("requests.update." + kind, null, locale)}, locale);
    }

    private String body(ServiceRequest request, String kind, String note, String link, Locale locale) {
        return messages.getMessage("requests.mail.body", new Object[]{request.trackingNumber(),
                messages.getMessage("requests.update." + kind, null, locale), note, link}, locale);
    }
}
