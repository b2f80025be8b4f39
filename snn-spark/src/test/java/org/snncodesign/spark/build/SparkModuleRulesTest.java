package org.snncodesign.spark.build;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module rule of snn-spark (ARCHITECTURE.md, "Modules"): it sees the flow and the library
 * modules the flow joins, and Spark; never the command-line tool nor the example programs of
 * snn-examples, so that {@code snn-spark.jar} does not carry {@code snn}.
 */
class SparkModuleRulesTest {
  private static final String ROOT = "org.snncodesign";

  /** snn-spark itself, snn-flow and the modules it brings. */
  private static final String[] ALLOWED = {
    ROOT + ".spark..",
    ROOT + ".flow..",
    ROOT + ".api..",
    ROOT + ".neurons..",
    ROOT + ".learning..",
    ROOT + ".conversion..",
    ROOT + ".spmm..",
    ROOT + ".fpga..",
    ROOT + ".datasets..",
    ROOT + ".nir.."
  };

  @Test
  @DisplayName("snn-spark's classes depend on no snn module but the flow and what it brings")
  void sparkSeesOnlyTheFlow() {
    JavaClasses mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT + ".spark");
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".spark..")
        .should()
        .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(ALLOWED))))
        .check(mainClasses);
  }
}
