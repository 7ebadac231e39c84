package uk.org.safeguard.intake.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the server reads at all ({@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size}) fails as soon as anything reads the request's parameters, which the CSRF check
 * does before any controller (so Spring's {@code MaxUploadSizeExceededException} would never reach one, and
 * the person would see an error page). This filter, ahead of the security filters and only on the
 * attachments steps, reads the upload first: when it is too large, the person is sent back to the step,
 * which names the limit; the draft and its other files are untouched. Tomcat reads the rest of the body
 * ({@code server.tomcat.max-swallow-size}) so the browser gets that answer.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentsUploadLimit {

    static final String REFUSED_TOO_LARGE = "too-large";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> attachmentsUploadLimitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter());
        for (AttachmentsController.Step step : AttachmentsController.Step.values()) {
            registration.addUrlPatterns(step.path());
        }
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    static final class UploadLimitFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String contentType = request.getContentType();
            if ("POST".equals(request.getMethod()) && contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                try {
                    request.getParts();
                } catch (IOException | IllegalStateException | ServletException failed) {
                    if (tooLarge(failed)) {
                        String path = AttachmentsController.Step.of(request).map(AttachmentsController.Step::path)
                                .orElse(request.getRequestURI());
                        response.sendRedirect(request.getContextPath() + path + "?refused=" + REFUSED_TOO_LARGE);
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }

        private static boolean tooLarge(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("exceed") && (message.contains("size") || message.contains("length"))) {
                    return true;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }
    }
}
