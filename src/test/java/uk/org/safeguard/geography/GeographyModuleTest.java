package uk.org.safeguard.geography;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import uk.org.safeguard.SafeguardApplication;

/** Geography stands on platform alone, and only on its public API. */
class GeographyModuleTest {

    private final ApplicationModules modules = ApplicationModules.of(SafeguardApplication.class);

    @Test
    void geographyDependsOnNoModuleButPlatform() {
        ApplicationModule geography = modules.getModuleByName("geography").orElseThrow();
        assertThat(geography.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
                .allMatch("platform"::equals);
        geography.verifyDependencies(modules);
    }
}
