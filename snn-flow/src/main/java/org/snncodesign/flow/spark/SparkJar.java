package org.snncodesign.flow.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snncodesign.api.InvalidInputException;

/**
 * {@code snn-spark.jar}, the jar with Spark's commands ({@code sweep}, {@code hw-search}), found
 * from {@code snn.jar} and run in a child JVM, so that {@code snn sweep} and {@code snn hw search
 * --master} work while {@code snn.jar} itself never loads Spark.
 *
 * @param jar the {@code snn-spark.jar} file (its {@code lib/} folder of Spark's jars beside it)
 */
public record SparkJar(Path jar) {
  /** The environment variable naming {@code snn-spark.jar}, used when no option names it. */
  public static final String ENVIRONMENT_VARIABLE = "SNN_SPARK_JAR";

  /** The jar's file name, as {@code snn-spark}'s build writes it. */
  public static final String FILE_NAME = "snn-spark.jar";

  /** The build that makes the jar, for the message when it is missing. */
  public static final String BUILD_COMMAND = "./mvnw -B -pl snn-spark -am package -DskipTests";

  /** Requires the jar. */
  public SparkJar {
    Objects.requireNonNull(jar, "jar");
  }

  /**
   * Finds {@code snn-spark.jar}, in this order: {@code option} (the command's {@code --spark-jar}),
   * the {@link #ENVIRONMENT_VARIABLE} of {@code environment}, then {@link #FILE_NAME} beside {@code
   * ownLocation} (the jar or class folder of the running {@code snn}) and in the build tree that
   * made it ({@code <its folder>/../../snn-spark/target/snn-spark.jar}). A jar named by the option
   * or the variable must exist: a wrong name is not passed over for a jar found elsewhere.
   *
   * @param option the jar the user named, or null
   * @param environment the process environment ({@link System#getenv()})
   * @param ownLocation where {@code snn} runs from, or null when unknown
   * @throws InvalidInputException when no jar is found, in one line naming the places looked at and
   *     the build that makes the jar
   */
  public static SparkJar locate(Path option, Map<String, String> environment, Path ownLocation) {
    if (option != null) {
      return named(option, "--spark-jar " + option);
    }
    String variable = environment.get(ENVIRONMENT_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return named(Path.of(variable), ENVIRONMENT_VARIABLE + "=" + variable);
    }
    Set<Path> candidates = new LinkedHashSet<>();
    if (ownLocation != null) {
      Path folder = ownLocation.toAbsolutePath().normalize().getParent();
      if (folder != null) {
        candidates.add(folder.resolve(FILE_NAME));
        Path tree = folder.getParent() == null ? null : folder.getParent().getParent();
        if (tree != null) {
          candidates.add(tree.resolve("snn-spark").resolve("target").resolve(FILE_NAME));
        }
      }
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return new SparkJar(candidate);
      }
    }
    List<String> looked = new ArrayList<>();
    looked.add("--spark-jar");
    looked.add(ENVIRONMENT_VARIABLE);
    candidates.forEach(c -> looked.add(c.toString()));
    throw new InvalidInputException(
        FILE_NAME
            + " not found (looked at "
            + String.join(", ", looked)
            + "); build it with "
            + BUILD_COMMAND
            + " and give its path with --spark-jar or "
            + ENVIRONMENT_VARIABLE);
  }

  /** The jar or class folder {@code type} was loaded from, if the JVM tells. */
  public static Optional<Path> locationOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static SparkJar named(Path jar, String source) {
    if (!Files.isRegularFile(jar)) {
      throw new InvalidInputException(
          source + ": no such file; build " + FILE_NAME + " with " + BUILD_COMMAND);
    }
    return new SparkJar(jar.toAbsolutePath().normalize());
  }

  /**
   * The child JVM's command line: the running JVM's {@code java} executable, {@code -jar} this jar,
   * then {@code arguments} unchanged.
   */
  public List<String> command(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    return command;
  }

  /**
   * Runs {@code java -jar snn-spark.jar arguments...} in a child JVM that shares this process's
   * standard input, output and error and working folder, and returns its exit code. The child is
   * ended when this thread is interrupted.
   */
  public int run(List<String> arguments) throws IOException {
    // What this JVM has buffered comes before the child's output.
    System.out.flush();
    System.err.flush();
    Process child = new ProcessBuilder(command(arguments)).inheritIO().start();
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      child.destroy();
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
