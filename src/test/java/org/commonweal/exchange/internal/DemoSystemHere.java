package org.commonweal.exchange.internal;

import org.springframework.context.ApplicationContext;

/**
 * Points the demo vehicle service at the demo system of this test's application. With the external
 * database every cached test context is a node of one platform, each with its own demo system, and
 * the service follows whichever started last, which may since have been closed.
 */
public final class DemoSystemHere {

    private DemoSystemHere() {
    }

    public static void pointTheDemoServiceAt(ApplicationContext application) {
        application.getBean(DemoExchange.class).restart();
    }
}
