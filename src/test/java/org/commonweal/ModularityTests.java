package org.commonweal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold (no cycles, no reaching into another module's insides) and are documented. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CommonwealApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyArchitectureModuleBuiltSoFarIsDetected() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("platform", "identity", "site", "calendar");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
