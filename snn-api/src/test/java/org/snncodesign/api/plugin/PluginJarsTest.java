package org.snncodesign.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;

class PluginJarsTest {

  private static Path emptyJar(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.finish();
    }
    return file;
  }

  @Test
  @DisplayName(
      "a folder gives its .jar files in name order; a jar gives itself; other files are ignored")
  void jarsOfLocations(@TempDir Path dir) throws Exception {
    emptyJar(dir.resolve("b.jar"));
    emptyJar(dir.resolve("a.jar"));
    Files.createFile(dir.resolve("notes.txt"));
    Path single = emptyJar(Files.createDirectories(dir.resolve("one")).resolve("z.jar"));
    assertThat(PluginJars.jars(List.of(dir, single)))
        .containsExactly(dir.resolve("a.jar"), dir.resolve("b.jar"), single);
  }

  @Test
  @DisplayName("a location that is neither a folder nor a jar is refused, naming it")
  void missingLocation(@TempDir Path dir) {
    assertThatThrownBy(() -> PluginJars.jars(List.of(dir.resolve("gone"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gone");
  }

  @Test
  @DisplayName("a damaged jar is refused in one line naming it, instead of being skipped silently")
  void damagedJar(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("plugin.jar"), "not a zip");
    emptyJar(dir.resolve("fine.jar"));
    assertThatThrownBy(() -> PluginJars.jars(List.of(dir)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("plugin jar " + dir.resolve("plugin.jar"))
        .hasMessageContaining("not a readable jar (zip) file")
        .hasMessageNotContaining("\n");
  }

  @Test
  @DisplayName("the environment variable's value splits like a class path, blanks skipped")
  void parsePath() {
    assertThat(PluginJars.parsePath(" a" + File.pathSeparator + File.pathSeparator + "b "))
        .containsExactly(Path.of("a"), Path.of("b"));
    assertThat(PluginJars.parsePath(null)).isEmpty();
  }

  @Test
  @DisplayName("no jars leave the parent loader as it is")
  void noJars(@TempDir Path dir) {
    ClassLoader parent = getClass().getClassLoader();
    assertThat(PluginJars.loader(List.of(dir), parent)).isSameAs(parent);
  }
}
