package org.commonweal.requests.web;

import org.commonweal.platform.web.HomeLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request channel serves the empowerment pillar: people are answered, on time, in public. */
@Configuration(proxyBeanMethods = false)
class RequestsHomeLinks {

    @Bean
    HomeLink reportLink() {
        return new HomeLink(HomeLink.Pillar.EMPOWERMENT, "requests.new.title", "requests.home", "/requests/new");
    }

    @Bean
    HomeLink requestListLink() {
        return new HomeLink(HomeLink.Pillar.EMPOWERMENT, "requests.list.title", "requests.list.lead", "/requests");
    }

    @Bean
    HomeLink requestStatisticsLink() {
        return new HomeLink(HomeLink.Pillar.EMPOWERMENT, "statistics.title", "statistics.home", "/statistics/requests");
    }
}
