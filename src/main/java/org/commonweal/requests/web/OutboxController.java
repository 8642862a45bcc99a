package org.commonweal.requests.web;

import org.commonweal.requests.internal.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The messages sent (or, without SMTP, waiting) to citizens, for the platform administrator: the
 * proof that people were told, and the way to read them where no mail server is configured.
 */
@Controller
class OutboxController {

    private final Notifications notifications;

    OutboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("notifications", notifications.latest(100));
        return "requests/outbox";
    }
}
