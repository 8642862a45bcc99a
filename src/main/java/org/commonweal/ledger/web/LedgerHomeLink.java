package org.commonweal.ledger.web;

import org.commonweal.platform.web.HomeLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public ledger serves the trust pillar: power over data made visible. */
@Configuration(proxyBeanMethods = false)
class LedgerHomeLink {

    @Bean
    HomeLink ledgerLink() {
        return new HomeLink(HomeLink.Pillar.TRUST, "ledger.title", "ledger.home", "/ledger");
    }
}
