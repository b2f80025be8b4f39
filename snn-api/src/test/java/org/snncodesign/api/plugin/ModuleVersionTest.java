package org.snncodesign.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.plugin.fixture.deep.VersionedClass;

@DisplayName("Module versions")
class ModuleVersionTest {
  @Test
  @DisplayName("a class finds the module.properties of an enclosing package")
  void findsEnclosingModuleProperties() {
    assertThat(ModuleVersion.of(VersionedClass.class)).isEqualTo("9.9.9");
  }

  @Test
  @DisplayName("a class with no module.properties and no manifest version is 'dev'")
  void fallsBackToDev() {
    assertThat(ModuleVersion.of(ModuleVersionTest.class)).isEqualTo("dev");
  }
}
