package org.commonweal.identity.internal;

import java.util.List;

import org.commonweal.identity.CommonwealUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller method take a {@link CommonwealUser} parameter: the signed-in person or the
 * machine client calling, or {@code null} for an anonymous visitor.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CommonwealUser.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                                            NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        return current(SecurityContextHolder.getContext().getAuthentication());
    }

    static @Nullable CommonwealUser current(@Nullable Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        return switch (authentication.getPrincipal()) {
            case SignedInUser signedIn -> signedIn.user();
            case CommonwealUser client -> client;
            case null, default -> null;
        };
    }
}
