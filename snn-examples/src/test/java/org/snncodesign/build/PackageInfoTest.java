package org.snncodesign.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.docs.RepositoryFiles;

/** Every package of every module's main code says what it is for, in its package-info.java. */
class PackageInfoTest {
  private static final Path ROOT = RepositoryFiles.root();
  // A javadoc comment with at least a sentence's worth of words before the package line.
  private static final Pattern JAVADOC = Pattern.compile("(?s)/\\*\\*\\s*(.*?)\\*/\\s*package\\s");
  private static final int MIN_WORDS = 8;

  @Test
  @DisplayName(
      "every package under a module's src/main/java has a package-info.java with a javadoc paragraph")
  void everyPackageIsDescribed() throws IOException {
    Set<String> undescribed = new TreeSet<>();
    for (Path dir : packageFolders()) {
      Path info = dir.resolve("package-info.java");
      if (!Files.isRegularFile(info)
          || !describes(Files.readString(info, StandardCharsets.UTF_8))) {
        undescribed.add(ROOT.relativize(dir).toString());
      }
    }
    assertThat(undescribed).as("packages without a described package-info.java").isEmpty();
  }

  private static boolean describes(String source) {
    var matcher = JAVADOC.matcher(source);
    return matcher.find()
        && matcher.group(1).replaceAll("(?m)^\\s*\\*", " ").trim().split("\\s+").length
            >= MIN_WORDS;
  }

  /** The folders under any module's src/main/java that hold a Java type. */
  private static List<Path> packageFolders() throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      List<Path> sources =
          modules
              .map(module -> module.resolve("src/main/java"))
              .filter(Files::isDirectory)
              .toList();
      Set<Path> folders = new TreeSet<>();
      for (Path source : sources) {
        try (Stream<Path> files = Files.walk(source)) {
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> !file.getFileName().toString().equals("package-info.java"))
              .forEach(file -> folders.add(file.getParent()));
        }
      }
      return List.copyOf(folders);
    }
  }
}
