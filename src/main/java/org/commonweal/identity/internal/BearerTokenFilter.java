package org.commonweal.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.identity.ApiTokens;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a department's system by its {@code Authorization: Bearer} API token. A request
 * that presents a token which is wrong or revoked is refused at once, never treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String MACHINE_CLIENT = "ROLE_MACHINE_CLIENT";
    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        var client = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).trim())
                : java.util.Optional.<org.commonweal.identity.CommonwealUser>empty();
        if (client.isEmpty() && passesThrough(request, header)) {
            // a CKAN client presenting a key of another kind (an open data access key, cwk_…):
            // the CKAN endpoints check it themselves and answer for unknown keys as for anonymous callers
            chain.doFilter(request, response);
            return;
        }
        if (client.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
                List.of(new SimpleGrantedAuthority(MACHINE_CLIENT)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Only on the CKAN Action API, and only for tokens that are not ours ({@code cw_…} ones are always checked). */
    private static boolean passesThrough(HttpServletRequest request, String header) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        return (path.startsWith("/api/3/action/") || path.startsWith("/api/action/")) && !token.startsWith("cw_");
    }
}
