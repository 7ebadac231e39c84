package uk.org.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map of docs/architecture.md holds: no module reaches into another's internals, no cycles. */
class ModularityTest {

    static final ApplicationModules modules = ApplicationModules.of(SafeguardApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheArchitectureExists() {
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .contains("uk.org.safeguard.geography", "uk.org.safeguard.guidance", "uk.org.safeguard.intake",
                        "uk.org.safeguard.casework", "uk.org.safeguard.directory", "uk.org.safeguard.grants",
                        "uk.org.safeguard.engagement", "uk.org.safeguard.research", "uk.org.safeguard.insights",
                        "uk.org.safeguard.identity", "uk.org.safeguard.audit", "uk.org.safeguard.privacy",
                        "uk.org.safeguard.web", "uk.org.safeguard.platform");
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation()
                .writeAggregatingDocument();
        assertThat(Path.of("docs/modules/components.puml")).exists();
        assertThat(Files.isRegularFile(Path.of("docs/modules/all-docs.adoc"))).isTrue();
    }
}
