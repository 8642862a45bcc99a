package org.commonweal.opendata.web;

import org.commonweal.platform.web.HomeLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home page's way into the open data portal. */
@Configuration
class OpenDataHomeLink {

    @Bean
    HomeLink openDataLink() {
        return new HomeLink(HomeLink.Pillar.EMPOWERMENT, "nav.opendata", "opendata.home", "/data/datasets");
    }
}
