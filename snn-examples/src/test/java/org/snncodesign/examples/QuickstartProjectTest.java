package org.snncodesign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/quickstart, a user's project that depends on the library modules only, reproduces the
 * demo's training, software run and hardware table: its source is compiled and run here against the
 * modules' classes without the CLI's (so it cannot lean on them), and it stays within 30 lines.
 */
class QuickstartProjectTest {
  private static final Path SOURCE =
      Path.of(
          "..",
          "examples",
          "quickstart",
          "src",
          "main",
          "java",
          "com",
          "example",
          "snn",
          "Quickstart.java");

  /**
   * The test class path without this module's own classes: what a user's project that has no CLI
   * sees.
   */
  private static List<String> libraryClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("snn-examples")) {
        entries.add(entry);
      }
    }
    return entries;
  }

  @Test
  @DisplayName(
      "the quickstart compiles without the CLI, fits in 30 lines, and prices the trained digits network "
          + "on every accelerator")
  void quickstartRuns(@TempDir Path classes) throws Exception {
    assumeThat(SOURCE).as("examples/quickstart").isRegularFile();
    assertThat(Files.readAllLines(SOURCE)).hasSizeLessThanOrEqualTo(30);
    List<String> classPath = libraryClassPath();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    int status =
        javac
                .getTask(
                    diagnostics,
                    null,
                    null,
                    List.of(
                        "--release",
                        "17",
                        "-classpath",
                        String.join(File.pathSeparator, classPath),
                        "-d",
                        classes.toString()),
                    null,
                    javac
                        .getStandardFileManager(null, null, null)
                        .getJavaFileObjects(SOURCE.toFile()))
                .call()
            ? 0
            : 1;
    assertThat(status).as(diagnostics.toString()).isZero();

    List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
    for (String entry : classPath) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    String output;
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      output = runMain(loader, "com.example.snn.Quickstart");
    }
    assertThat(output).contains("held-out digits");
    List<String> rows = output.lines().filter(line -> line.contains(" cycles ")).toList();
    assertThat(rows)
        .hasSizeGreaterThanOrEqualTo(6)
        .anySatisfy(row -> assertThat(row).startsWith("firefly-s"));
    GuideOutput.assertShows("price.md", "Quickstart", output);
  }

  private static synchronized String runMain(ClassLoader loader, String className, String... args)
      throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    thread.setContextClassLoader(loader);
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      main.invoke(null, (Object) args);
    } finally {
      System.setOut(out);
      thread.setContextClassLoader(context);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
