package org.commonweal.exchange.internal;

import java.time.Clock;

import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.DataSubjects;
import org.commonweal.exchange.ExchangeSettings;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the gateway servlet at the X-Road paths, beside Spring MVC's dispatcher. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    ServletRegistrationBean<GatewayServlet> exchangeGateway(AccessRules access, RateLimiter limiter, DuplicateIds duplicates,
                                                            Forwarder forwarder, MetaServices meta, CallRecorder recorder,
                                                            DataSubjects subjects, Agreements agreements,
                                                            ExchangeSettings settings, Clock clock) {
        GatewayServlet servlet = new GatewayServlet(access, limiter, duplicates, forwarder, meta, recorder, subjects,
                agreements, settings, clock);
        ServletRegistrationBean<GatewayServlet> registration =
                new ServletRegistrationBean<>(servlet, GatewayServlet.paths().toArray(String[]::new));
        registration.setName("exchangeGateway");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
