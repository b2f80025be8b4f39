package org.snncodesign.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.plugin.Plugin;

/**
 * The CLI is thin (issue 18): classes under {@code org.snncodesign.cli} parse options, call the
 * library and print. Domain computation (building workloads, pricing, summing reports, building
 * stimuli, statistics, benchmark loops) belongs in the library modules, where it is typed,
 * documented and tested on its own. Two readers enforce it: {@link ComputationFinder} reads the
 * bytecode for arithmetic (floating point other than a change of unit, any integer arithmetic,
 * array loops), and ArchUnit rules forbid the calls that computation needs (random draws,
 * floating-point math, stream sums) and the shortcuts around the library's API (constructing a
 * plugin instead of taking it by name, pricing a workload on an accelerator directly).
 */
@DisplayName(
    "The snn command line parses, calls the library and prints; it computes nothing itself")
class CliThinnessTest {
  private static final String CLI = "org.snncodesign.cli";

  /**
   * Option bounds compare and multiply option values by nature (ranges, memory estimates): parsing,
   * not domain.
   */
  private static final String OPTION_BOUNDS = CLI + ".options";

  private static JavaClasses cli;

  @BeforeAll
  static void importCli() {
    cli =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CLI);
  }

  @Test
  @DisplayName(
      "no command computes: no floating-point arithmetic but a change of unit, no integer arithmetic, "
          + "no loop over an array")
  void noArithmetic() throws IOException, URISyntaxException {
    Path classes =
        Path.of(SnnCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> findings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve(CLI.replace('.', '/')))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name =
            classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        if (name.startsWith(OPTION_BOUNDS + ".")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          findings.addAll(ComputationFinder.find(in));
        }
      }
    }
    assertThat(findings)
        .as("domain computation under %s: move it into the library module it belongs to", CLI)
        .isEmpty();
  }

  @Test
  @DisplayName(
      "the bytecode reader finds a sum over an array, floating-point arithmetic, an integer sum, a tally "
          + "and a loop counter, and lets a change of unit pass")
  void findsPlantedComputation() throws IOException {
    try (InputStream in =
        CliThinnessTest.class.getResourceAsStream("CliThinnessTest$Planted.class")) {
      assertThat(ComputationFinder.find(in))
          .hasSize(6)
          .anySatisfy(f -> assertThat(f).contains("mean").contains("array read daload in a loop"))
          .anySatisfy(f -> assertThat(f).contains("mean").contains("floating-point dadd"))
          .anySatisfy(f -> assertThat(f).contains("mean").contains("floating-point ddiv"))
          .anySatisfy(f -> assertThat(f).contains("mean").contains("integer iinc"))
          .anySatisfy(f -> assertThat(f).contains("total").contains("integer iadd"))
          .anySatisfy(f -> assertThat(f).contains("failures").contains("integer iinc"))
          .noneSatisfy(f -> assertThat(f).contains("milliseconds"));
    }
  }

  @Test
  @DisplayName("no command draws random numbers: seeded choices are the library's")
  void noRandomDraws() {
    thin()
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Random.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(SplittableRandom.class)
        .because(
            "a seeded random choice (stimuli, layers, splits) is part of a reproducible library result")
        .check(cli);
  }

  @Test
  @DisplayName("no command calls floating-point math functions or sums a stream")
  void noMathOrSums() {
    thin()
        .and()
        .resideOutsideOfPackage(OPTION_BOUNDS)
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a floating-point function of Math or StrictMath", ComputationCalls::floatingMath))
        .orShould()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a stream sum, average or summary statistic", ComputationCalls::streamSum))
        .because("statistics and formulas belong in the library, where they are tested")
        .check(cli);
  }

  @Test
  @DisplayName(
      "commands take plugins by name and price through the library, not by constructing or evaluating "
          + "a plugin themselves")
  void pluginsThroughTheLibrary() {
    thin()
        .should()
        .callConstructorWhere(
            DescribedPredicate.describe(
                "a constructor of a plugin implementation",
                (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(Plugin.class)))
        .orShould()
        .callMethodWhere(
            DescribedPredicate.describe(
                "Accelerator.evaluate or execute",
                (JavaMethodCall call) ->
                    call.getTargetOwner().isAssignableTo(Accelerator.class)
                        && List.of("evaluate", "execute").contains(call.getName())))
        .because(
            "every plugin is looked up by name in the PluginRegistry and priced by the flow "
                + "(DesignPointComparison, PricedDesign)")
        .check(cli);
  }

  /** Classes of the CLI, all of which must be thin. */
  private static GivenClassesConjunction thin() {
    return noClasses().that().resideInAPackage(CLI + "..");
  }

  /** What {@link #findsPlantedComputation} must catch, and what it must let pass. */
  @SuppressWarnings("unused")
  private static final class Planted {
    static double mean(double[] values) {
      double sum = 0;
      for (double v : values) {
        sum += v;
      }
      return sum / values.length;
    }

    static double milliseconds(double seconds) {
      return seconds * 1e3;
    }

    static int total(List<Integer> counts) {
      int total = 0;
      for (int count : counts) {
        total += count;
      }
      return total;
    }

    static int failures(List<String> errors) {
      int failures = 0;
      for (String error : errors) {
        if (error != null) {
          failures++;
        }
      }
      return failures;
    }
  }

  /** The call predicates of the ArchUnit rules. */
  private static final class ComputationCalls {
    static boolean floatingMath(JavaMethodCall call) {
      String owner = call.getTargetOwner().getName();
      return (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath"))
          && call.getTarget().getRawParameterTypes().stream()
              .anyMatch(t -> t.isEquivalentTo(double.class) || t.isEquivalentTo(float.class));
    }

    static boolean streamSum(JavaMethodCall call) {
      String owner = call.getTargetOwner().getName();
      String name = call.getName();
      return List.of(
                      "java.util.stream.IntStream",
                      "java.util.stream.LongStream",
                      "java.util.stream.DoubleStream")
                  .contains(owner)
              && List.of("sum", "average", "summaryStatistics").contains(name)
          || owner.equals("java.util.stream.Collectors")
              && (name.startsWith("summing")
                  || name.startsWith("averaging")
                  || name.startsWith("summarizing"));
    }
  }
}
