package org.snncodesign.build;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module rules (README, "Modules": dependencies point toward snn-api) checked on the main
 * classes of every module this one sees, each module known by its root package. Maven already
 * refuses a missing dependency; these rules refuse a dependency that someone adds to a module's POM
 * against the architecture.
 */
class ModuleRulesTest {
  private static final String ROOT = "org.snncodesign";

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    // Test classes and test jars (snn-api's PluginJarBuilder) are not part of a module's published
    // code.
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(ROOT);
  }

  private static LayeredArchitecture modules() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("api")
        .definedBy(ROOT + ".api..")
        .layer("neurons")
        .definedBy(ROOT + ".neurons..")
        .layer("learning")
        .definedBy(ROOT + ".learning..")
        .layer("conversion")
        .definedBy(ROOT + ".conversion..")
        .layer("hardware-spmm")
        .definedBy(ROOT + ".spmm..")
        .layer("hardware-fpga")
        .definedBy(ROOT + ".fpga..")
        .layer("datasets")
        .definedBy(ROOT + ".datasets..")
        .layer("nir")
        .definedBy(ROOT + ".nir..")
        .layer("flow")
        .definedBy(ROOT + ".flow..")
        .layer("cli")
        .definedBy(ROOT + ".cli..")
        .layer("examples")
        .definedBy(ROOT + ".examples..")
        .layer("spark")
        .definedBy(ROOT + ".spark..")
        .withOptionalLayers(true);
  }

  @Test
  @DisplayName("snn-api depends on no other module")
  void apiStandsAlone() {
    modules().whereLayer("api").mayNotAccessAnyLayer().check(mainClasses);
  }

  @Test
  @DisplayName(
      "implementation modules see only snn-api, and learning and conversion also the neuron engine")
  void implementationModulesSeeOnlyTheApi() {
    modules()
        .whereLayer("neurons")
        .mayOnlyAccessLayers("api")
        .whereLayer("learning")
        .mayOnlyAccessLayers("api", "neurons")
        .whereLayer("conversion")
        .mayOnlyAccessLayers("api", "neurons")
        .whereLayer("hardware-spmm")
        .mayOnlyAccessLayers("api")
        .whereLayer("hardware-fpga")
        .mayOnlyAccessLayers("api")
        .whereLayer("datasets")
        .mayOnlyAccessLayers("api")
        .whereLayer("nir")
        .mayOnlyAccessLayers("api")
        .check(mainClasses);
  }

  @Test
  @DisplayName("no library module depends on the command-line tool")
  void noLibraryUsesTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".examples..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".cli..")
        .check(mainClasses);
  }

  @Test
  @DisplayName("no other module uses snn-spark's classes")
  void sparkIsUsedByNoOtherModule() {
    // snn-spark is not on this module's class path; a reference to its classes from any module
    // still shows here.
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".spark..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".spark..")
        .check(mainClasses);
  }

  // Not yet for snn-api (plugin <-> coding, dataset, hardware, learning, neuron) nor
  // snn-hardware-fpga
  // (firefly <-> search: FireFlySArray.designSpace() and Baselines.fireFly()), which have cycles
  // today.
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"neurons", "learning", "conversion", "spmm", "datasets", "nir", "flow"})
  @DisplayName("the packages of a module have no dependency cycles")
  void packagesOfAModuleHaveNoCycles(String module) {
    slices()
        .assignedFrom(packagesUnder(ROOT + "." + module))
        .should()
        .beFreeOfCycles()
        .check(mainClasses);
  }

  /** One slice per package under {@code root}, the root package itself included. */
  private static SliceAssignment packagesUnder(String root) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        return name.equals(root) || name.startsWith(root + ".")
            ? SliceIdentifier.of(name)
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "packages under " + root;
      }
    };
  }
}
