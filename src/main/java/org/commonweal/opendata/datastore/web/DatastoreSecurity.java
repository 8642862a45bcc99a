package org.commonweal.opendata.datastore.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The datastore's public doors: CKAN's datastore_search and the downloads. Whether a resource may
 * be read is {@link org.commonweal.opendata.datastore.ResourceAccess}'s decision, made per request
 * (it sees a signed-in session, which this chain still reads). Reads only, so no CSRF token: CKAN
 * clients POST JSON without cookies.
 */
@Configuration(proxyBeanMethods = false)
class DatastoreSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain datastoreChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/3/action/datastore_search", "/api/action/datastore_search", "/data/datastore/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .build();
    }
}
