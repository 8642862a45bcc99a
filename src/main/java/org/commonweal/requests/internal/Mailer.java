package org.commonweal.requests.internal;

import java.time.Clock;
import java.util.UUID;

import org.commonweal.requests.RequestSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends queued notifications through SMTP; present only when {@code spring.mail.host} is set. */
@Component
@ConditionalOnBean(JavaMailSender.class)
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final RequestStore store;
    private final JavaMailSender sender;
    private final RequestSettings settings;
    private final Clock clock;

    Mailer(RequestStore store, JavaMailSender sender, RequestSettings settings, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commonweal.requests.mail-interval:30s}")
    void sendQueued() {
        record Queued(UUID id, String recipient, String subject, String body) {
        }
        var queued = store.jdbc().sql("SELECT id, recipient, subject, body FROM requests_notification"
                        + " WHERE sent_at IS NULL ORDER BY created_at LIMIT 100")
                .query((rs, n) -> new Queued(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Queued message : queued) {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(settings.mailFrom());
            mail.setTo(message.recipient());
            mail.setSubject(message.subject());
            mail.setText(message.body());
            try {
                sender.send(mail);
                store.jdbc().sql("UPDATE requests_notification SET sent_at = ? WHERE id = ?")
                        .params(RequestStore.ts(clock.instant()), message.id()).update();
            } catch (MailException e) {
                // left queued: the next round tries again
                log.warn("Could not send notification {}: {}", message.id(), e.getMessage());
                return;
            }
        }
    }
}
