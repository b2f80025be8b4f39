package org.snncodesign.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The documentation: README.md and docs/")
class DocsLinksTest {
  private static final Path ROOT = RepositoryFiles.root();

  @Test
  @DisplayName(
      "every relative link and image in README.md and docs/**.md points to a file or folder that"
          + " exists")
  void noBrokenLinks() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      for (String target : MarkdownLinks.relativeTargets(read(page))) {
        if (!Files.exists(page.getParent().resolve(target).normalize())) {
          broken.add(ROOT.relativize(page) + " -> " + target);
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  @DisplayName("every file under docs/ can be reached from README.md by following links")
  void noOrphans() throws IOException {
    Set<Path> reached = reachableFromReadme();
    Set<String> orphans = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files
          .filter(Files::isRegularFile)
          .filter(file -> !reached.contains(file.normalize()))
          .forEach(file -> orphans.add(ROOT.relativize(file).toString()));
    }
    assertThat(orphans)
        .as("files under docs/ that no page reachable from README.md links")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "the link reader finds links and images, skips code, web addresses and anchors, and drops"
          + " anchors")
  void linkReader() {
    String markdown =
        """
        See [the guide](docs/guide/README.md#simulate), ![chart](results/a.png "title") and [web](https://x.org).
        [inside](#top) `[code](not-a-link.md)` [nested [brackets]](b.md)
        ```
        [fenced](c.md)
        ```
        """;
    assertThat(MarkdownLinks.relativeTargets(markdown))
        .containsExactly("docs/guide/README.md", "results/a.png", "b.md");
  }

  /**
   * Files reached from README.md through Markdown pages; a linked folder leads to its README.md.
   */
  private static Set<Path> reachableFromReadme() {
    Set<Path> reached = new LinkedHashSet<>();
    Deque<Path> pending = new ArrayDeque<>(List.of(ROOT.resolve("README.md")));
    while (!pending.isEmpty()) {
      Path file = pending.pop().normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve("README.md");
      }
      if (!Files.isRegularFile(file) || !reached.add(file) || !file.toString().endsWith(".md")) {
        continue;
      }
      for (String target : MarkdownLinks.relativeTargets(read(file))) {
        pending.push(file.getParent().resolve(target));
      }
    }
    return reached;
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
