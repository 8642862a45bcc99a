package org.commonweal.identity.internal;

import org.commonweal.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.Map;

/**
 * Two doors: JSON APIs under {@code /api/} (API tokens or a signed-in session, problem-detail
 * errors) and pages (sessions with CSRF protection, sign-in page). Which role may do what is
 * declared here for whole areas and with {@code @PreAuthorize} on single endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {"/", "/login", "/register", "/error", "/favicon.ico", "/css/**", "/js/**",
            "/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/ledger", "/ledger/**",
            "/requests", "/requests/**", "/statistics/requests", "/catalogue", "/catalogue/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id: memory-hard and adaptive; bcrypt stays readable for hashes made elsewhere.
        Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwords,
                                                org.springframework.context.ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ApiProblemResponder problems,
                                 SecurityContextRepository contexts) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/organisations", "/api/v1/districts", "/api/v1/ledger/**",
                                "/api/v1/catalogue/**").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .securityContext(context -> context.securityContextRepository(contexts))
                // machine clients carry no cookies, so CSRF only guards calls made with a browser session
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .build();
    }

    /**
     * Open311 GeoReport v2: public reads, and writes authorised by the {@code api_key} parameter
     * that the Open311 controller checks itself (the spec's own error bodies). No session, no CSRF:
     * its clients are machines that send no cookies.
     */
    @Bean
    @Order(2)
    SecurityFilterChain open311Chain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/open311/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .build();
    }

    /**
     * The exchange gateway (X-Road message protocol for REST): it authenticates every call itself
     * with the department's API token and answers in X-Road's own error format. No session, no CSRF,
     * and the provider's own cache headers pass through.
     */
    @Bean
    @Order(2)
    SecurityFilterChain exchangeGatewayChain(HttpSecurity http) throws Exception {
        // no session, context, cache, logout or authorisation rules: each call carries its own token
        return http.securityMatcher("/r1/**", "/listClients")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.disable())
                .securityContext(context -> context.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, SecurityContextRepository contexts,
                                  @Value("${commonweal.requests.map-tile-url:}") String mapTileUrl) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/requests/mine", "/requests/*/support").authenticated()
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/department/catalogue", "/department/catalogue/**")
                                .hasAnyRole("STAFF", "DEPARTMENT_ADMIN", "PLATFORM_ADMIN")
                        .requestMatchers("/department/**").hasAnyRole("STAFF", "DEPARTMENT_ADMIN")
                        .requestMatchers("/departments/**").hasAnyRole("STAFF", "DEPARTMENT_ADMIN", "AUDITOR", "PLATFORM_ADMIN")
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:"
                                + tileOrigin(mapTileUrl) + ";"
                                + " style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none';"
                                + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
                .build();
    }

    /** Map tiles come from the configured tile server, if any: its origin may serve images to our pages. */
    static String tileOrigin(String tileUrl) {
        if (tileUrl.isBlank()) {
            return "";
        }
        // scheme and host of the template; Leaflet's subdomain variable {s} becomes a CSP wildcard
        java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?://[^/?#]+)").matcher(tileUrl);
        if (!origin.find()) {
            throw new IllegalArgumentException("commonweal.requests.map-tile-url must start with http:// or https://");
        }
        return " " + origin.group(1).replace("{s}", "*");
    }
}
