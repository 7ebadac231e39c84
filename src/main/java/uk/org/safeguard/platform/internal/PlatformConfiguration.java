package uk.org.safeguard.platform.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.platform.SafeguardProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SafeguardProperties.class)
class PlatformConfiguration {
}
