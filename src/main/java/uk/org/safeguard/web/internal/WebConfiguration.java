package uk.org.safeguard.web.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import uk.org.safeguard.web.NavigationEntry;

/**
 * Static files and languages. GOV.UK Frontend comes from its webjar: {@code /assets/**} are its images
 * and fonts, {@code /govuk/**} its CSS and JavaScript (the CSS rewritten once by
 * {@link GovukStylesheetTransformer}); {@code /static/**} are Safeguard's own. Every page gets its
 * {@link PageContexts page context}.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    static final String GOVUK = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    private final LanguageResolver languageResolver;
    private final PageContexts pageContexts;

    WebConfiguration(WebProperties properties, MessageSource messages, ObjectProvider<NavigationEntry> navigation) {
        this.languageResolver = new LanguageResolver(properties);
        this.pageContexts = new PageContexts(messages, properties, navigation.orderedStream().toList());
    }

    @Bean
    LocaleResolver localeResolver() {
        return languageResolver;
    }

    @Bean
    PublicPageCacheFilter publicPageCache(WebProperties properties,
            @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.name:SAFEGUARD_SESSION}") String sessionCookie,
            @org.springframework.beans.factory.annotation.Value("${safeguard.web.page-cache-ttl:30s}") java.time.Duration ttl) {
        return new PublicPageCacheFilter(properties, sessionCookie, ttl);
    }

    /** The page cache runs first, before observation, sessions and security. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<PublicPageCacheFilter> publicPageCacheRegistration(
            PublicPageCacheFilter filter) {
        org.springframework.boot.web.servlet.FilterRegistrationBean<PublicPageCacheFilter> registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl week = CacheControl.maxAge(7, TimeUnit.DAYS).cachePublic();
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK + "assets/").setCacheControl(week);
        registry.addResourceHandler("/govuk/**").addResourceLocations(GOVUK).setCacheControl(week)
                .resourceChain(true).addTransformer(new GovukStylesheetTransformer());
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/").setCacheControl(week);
        registry.addResourceHandler("/favicon.ico").addResourceLocations(GOVUK + "assets/images/")
                .setCacheControl(week);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LanguageResolver resolver = languageResolver;
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                resolver.rememberChoice(request, response);
                return true;
            }
        });
        registry.addInterceptor(pageContexts);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(pageContexts);
    }
}
