package org.snncodesign.flow.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;

@DisplayName("SparkJar finds snn-spark.jar: option, environment, beside snn.jar, build tree")
class SparkJarTest {
  @TempDir Path root;

  /** {@code root/snn-examples/target/snn.jar}, as the build leaves it. */
  private Path snnJar;

  /** {@code root/snn-spark/target/snn-spark.jar}. */
  private Path buildTree;

  @BeforeEach
  void buildTree() throws Exception {
    snnJar = Files.createDirectories(root.resolve("snn-examples/target")).resolve("snn.jar");
    Files.writeString(snnJar, "");
    buildTree =
        Files.createDirectories(root.resolve("snn-spark/target")).resolve(SparkJar.FILE_NAME);
    Files.writeString(buildTree, "");
  }

  private Path file(String name) throws Exception {
    return Files.writeString(root.resolve(name), "");
  }

  @Test
  @DisplayName("--spark-jar comes first, then SNN_SPARK_JAR")
  void optionThenEnvironment() throws Exception {
    Path option = file("option.jar");
    Path variable = file("variable.jar");
    Map<String, String> environment = Map.of(SparkJar.ENVIRONMENT_VARIABLE, variable.toString());

    assertThat(SparkJar.locate(option, environment, snnJar).jar()).isEqualTo(option);
    assertThat(SparkJar.locate(null, environment, snnJar).jar()).isEqualTo(variable);
  }

  @Test
  @DisplayName("without either, the jar beside snn.jar comes before the build tree's")
  void besideThenBuildTree() throws Exception {
    assertThat(SparkJar.locate(null, Map.of(), snnJar).jar()).isEqualTo(buildTree);

    Path beside = file("snn-examples/target/" + SparkJar.FILE_NAME);
    assertThat(SparkJar.locate(null, Map.of(), snnJar).jar()).isEqualTo(beside);
  }

  @Test
  @DisplayName("a jar named by the option or the variable must exist: no fallback to another jar")
  void namedJarMustExist() {
    Path missing = root.resolve("missing.jar");

    assertThatThrownBy(() -> SparkJar.locate(missing, Map.of(), snnJar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "--spark-jar "
                + missing
                + ": no such file; build snn-spark.jar with "
                + SparkJar.BUILD_COMMAND);
    assertThatThrownBy(
            () ->
                SparkJar.locate(
                    null, Map.of(SparkJar.ENVIRONMENT_VARIABLE, missing.toString()), snnJar))
        .hasMessageStartingWith("SNN_SPARK_JAR=" + missing + ": no such file");
  }

  @Test
  @DisplayName("no jar anywhere is one line naming every place looked at and the build")
  void missingIsOneLine() throws Exception {
    Files.delete(buildTree);

    assertThatThrownBy(() -> SparkJar.locate(null, Map.of(), snnJar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "snn-spark.jar not found (looked at --spark-jar, SNN_SPARK_JAR, "
                + root.resolve("snn-examples/target/snn-spark.jar")
                + ", "
                + buildTree
                + "); build it with ./mvnw -B -pl snn-spark -am package -DskipTests and give its "
                + "path with --spark-jar or SNN_SPARK_JAR");
  }

  @Test
  @DisplayName("the child runs this JVM's java with -jar and the arguments unchanged")
  void command() throws Exception {
    SparkJar jar = new SparkJar(buildTree);

    List<String> command = jar.command(List.of("sweep", "s.json", "--out", "o"));

    assertThat(command.get(0)).contains("java");
    assertThat(command.subList(1, command.size()))
        .containsExactly("-jar", buildTree.toString(), "sweep", "s.json", "--out", "o");
  }

  @Test
  @DisplayName("the child's exit code is returned")
  void exitCode() throws Exception {
    // Not a jar: the child JVM says so and exits 1.
    assertThat(new SparkJar(file("not-a.jar")).run(List.of())).isEqualTo(1);
  }
}
