package org.snncodesign.api.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles plugin sources against snn-api, outside any build tool, and packs them into a jar with
 * services.
 */
public final class PluginJarBuilder {
  private PluginJarBuilder() {}

  /**
   * Compiles every {@code .java} file under {@code sources}, adds every file under {@code
   * resources}, and writes {@code jar}.
   */
  public static Path build(Path sources, Path resources, Path work, Path jar) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files =
          walk.filter(p -> p.toString().endsWith(".java"))
              .map(Path::toString)
              .collect(Collectors.toList());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
    args.addAll(files);
    StringWriter diagnostics = new StringWriter();
    int status =
        javac.run(
            null,
            null,
            new java.io.PrintStream(OutputStream.nullOutputStream()) {
              @Override
              public void write(byte[] buf, int off, int len) {
                diagnostics.write(
                    new String(buf, off, len, java.nio.charset.StandardCharsets.UTF_8));
              }
            },
            args.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("plugin sources did not compile: " + diagnostics);
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      addTree(out, classes);
      if (resources != null) {
        addTree(out, resources);
      }
    }
    return jar;
  }

  /** Writes {@code files} (relative path to content) under a new folder and returns it. */
  public static Path writeTree(Path folder, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    return folder;
  }

  private static void addTree(JarOutputStream out, Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path file : files) {
      out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
      Files.copy(file, out);
      out.closeEntry();
    }
  }
}
