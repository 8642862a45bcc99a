package org.commonweal.exchange.web;

import org.commonweal.platform.web.HomeLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Data sharing between departments serves trust: every use of data is decided, bounded and on record. */
@Configuration(proxyBeanMethods = false)
class SharingHomeLinks {

    @Bean
    HomeLink sharingLink() {
        return new HomeLink(HomeLink.Pillar.TRUST, "sharing.nav", "sharing.home", "/sharing/agreements");
    }
}
