package org.commonweal.privacy.web;

import org.commonweal.platform.web.HomeLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Seeing who used one's data builds trust in how the city handles it. */
@Configuration(proxyBeanMethods = false)
class PrivacyHomeLinks {

    @Bean
    HomeLink whoUsedMyDataLink() {
        return new HomeLink(HomeLink.Pillar.TRUST, "privacy.title", "privacy.home", "/privacy/my-data");
    }
}
