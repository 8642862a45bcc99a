package org.commonweal.identity.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.commonweal.identity.internal.SignInAttempts;
import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Sign-in with a password. Handled here rather than by Spring Security's default filter so the
 * page can say exactly what is wrong beside each field, and refuse with the right status.
 */
@Controller
class SignInController {

    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final SignInAttempts recorder;
    private final MessageSource messages;
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SignInController(AuthenticationManager authentication, SecurityContextRepository contexts,
                     SignInAttempts recorder, MessageSource messages) {
        this.authentication = authentication;
        this.contexts = contexts;
        this.recorder = recorder;
        this.messages = messages;
    }

    @GetMapping("/login")
    String form(Model model) {
        model.addAttribute("form", SignInForm.empty());
        model.addAttribute("errors", FormErrors.none());
        return "identity/login";
    }

    @PostMapping("/login")
    String signIn(@Valid @ModelAttribute("form") SignInForm form, BindingResult binding, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        var locale = RequestContextUtils.getLocale(request);
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", FormErrors.of(binding, messages, locale));
            return "identity/login";
        }
        try {
            Authentication signedIn = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(form.username().trim(), form.password()));
            recorder.succeeded(form.username().trim());
            // a new session id on sign-in, so a session id planted before cannot be used after
            request.getSession(true);
            request.changeSessionId();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(signedIn);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            return "redirect:" + nextPage(request, response);
        } catch (LockedException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            String until = recorder.lockedUntil(form.username().trim())
                    .map(instant -> DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai")).format(instant))
                    .orElse("");
            model.addAttribute("errors", FormErrors.none().add("", messages.getMessage("signin.slowed", new Object[]{until}, locale)));
        } catch (DisabledException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("errors", FormErrors.none().add("", messages.getMessage("signin.disabled", null, locale)));
        } catch (BadCredentialsException e) {
            recorder.failed(form.username().trim());
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("errors", FormErrors.none().add("password", messages.getMessage("signin.wrong", null, locale)));
        } catch (AuthenticationException e) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("errors", FormErrors.none().add("", messages.getMessage("signin.wrong", null, locale)));
        }
        model.addAttribute("form", new SignInForm(form.username(), ""));
        return "identity/login";
    }

    /** Back to the page that asked for sign-in, but only ever to a page of this site. */
    private String nextPage(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        if (saved != null) {
            var uri = java.net.URI.create(saved.getRedirectUrl());
            String path = uri.getRawPath();
            if (path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/error")) {
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            }
        }
        return "/account";
    }
}
