package org.commonweal.requests.web;

import org.commonweal.platform.web.HomeLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Public performance figures serve the empowerment pillar: people see how well they are answered. */
@Configuration(proxyBeanMethods = false)
class RequestStatisticsHomeLink {

    @Bean
    HomeLink requestStatisticsLink() {
        return new HomeLink(HomeLink.Pillar.EMPOWERMENT, "statistics.title", "statistics.home", "/statistics/requests");
    }
}
