package org.commonweal.opendata.internal;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.commonweal.identity.CommonwealUser;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * Who is calling, for code that has the servlet request but is not a controller method (the
 * datastore's access check): asks the same resolver that gives controllers their
 * {@link CommonwealUser} parameter, so there is one definition of "the current user".
 */
@Component
public class CurrentUser {

    private static final MethodParameter USER_PARAMETER = userParameter();
    private final List<HandlerMethodArgumentResolver> resolvers;

    CurrentUser(List<HandlerMethodArgumentResolver> resolvers) {
        this.resolvers = resolvers.stream().filter(r -> r.supportsParameter(USER_PARAMETER)).toList();
    }

    public @Nullable CommonwealUser of(HttpServletRequest request) {
        for (HandlerMethodArgumentResolver resolver : resolvers) {
            try {
                return (CommonwealUser) resolver.resolveArgument(USER_PARAMETER, null, new ServletWebRequest(request), null);
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    @SuppressWarnings("unused")
    private static void shape(@Nullable CommonwealUser user) {
        // only its parameter is used: the resolvers are asked about a CommonwealUser parameter
    }

    private static MethodParameter userParameter() {
        try {
            Method shape = CurrentUser.class.getDeclaredMethod("shape", CommonwealUser.class);
            return new MethodParameter(shape, 0);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
