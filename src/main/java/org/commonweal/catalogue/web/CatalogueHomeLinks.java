package org.commonweal.catalogue.web;

import org.commonweal.platform.web.HomeLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue serves social cohesion: everyone can see what data the government holds and how it is shared. */
@Configuration(proxyBeanMethods = false)
class CatalogueHomeLinks {

    @Bean
    HomeLink catalogueLink() {
        return new HomeLink(HomeLink.Pillar.COHESION, "catalogue.browse.title", "catalogue.home", "/catalogue");
    }
}
