package org.snncodesign.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.plugin.fixture.deep.VersionedClass;
import org.snncodesign.unversioned.UnversionedClass;

@DisplayName("Module versions")
class ModuleVersionTest {
  @Test
  @DisplayName("a class finds the module.properties of an enclosing package")
  void findsEnclosingModuleProperties() {
    assertThat(ModuleVersion.of(VersionedClass.class)).isEqualTo("9.9.9");
  }

  @Test
  @DisplayName("snn-api states its own version, filled in by the build")
  void apiHasItsVersion() {
    assertThat(ModuleVersion.of(ApiVersion.class)).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  @DisplayName("a class with no module.properties and no manifest version is 'dev'")
  void fallsBackToDev() {
    assertThat(ModuleVersion.of(UnversionedClass.class)).isEqualTo("dev");
  }
}
