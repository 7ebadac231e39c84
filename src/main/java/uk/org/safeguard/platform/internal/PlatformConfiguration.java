package uk.org.safeguard.platform.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.platform.SafeguardProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SafeguardProperties.class)
class PlatformConfiguration {

    /**
     * The time every module reads where time decides something (lockouts, link expiry, session limits,
     * retention). Tests put a clock they can move in its place, instead of waiting hours.
     */
    @Bean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
