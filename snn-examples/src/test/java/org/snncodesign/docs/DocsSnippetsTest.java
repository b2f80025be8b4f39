package org.snncodesign.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Java in README.md and docs/ (the user guide above all) is code that CI compiles and runs:
 * every {@code java} code block is preceded by {@code <!-- snippet: PATH -->}, PATH being a source
 * file of a module, an example project or their tests, and the block's lines appear in that file in
 * the same order, so a renamed method or a changed example fails the build instead of leaving the
 * documentation wrong.
 */
@DisplayName("The Java snippets of README.md and docs/")
class DocsSnippetsTest {
  private static final Path ROOT = RepositoryFiles.root();
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```\\s*$");
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+) -->");
  // Sources that CI compiles and runs: modules and their tests, and the example projects under
  // examples/.
  private static final Pattern COMPILED =
      Pattern.compile(
          "(snn-[a-z-]+/src/(main|test)|examples/[a-z-]+/src/main)" + "/java/.+\\.java");

  /** A line of a snippet that stands for lines of the source left out. */
  private static final String ELISION = "// ...";

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  @Test
  @DisplayName("every Java block names a compiled source file that holds its lines in order")
  void snippetsAreRealCode() throws IOException {
    List<String> problems = new ArrayList<>();
    int blocks = 0;
    for (Path page : pages()) {
      String markdown = Files.readString(page, StandardCharsets.UTF_8);
      Matcher block = JAVA_BLOCK.matcher(markdown);
      while (block.find()) {
        blocks++;
        String where = ROOT.relativize(page) + " line " + lineOf(markdown, block.start());
        String before = markdown.substring(0, block.start()).stripTrailing();
        Matcher marker = MARKER.matcher(before.substring(before.lastIndexOf('\n') + 1));
        if (!marker.matches()) {
          problems.add(where + ": no <!-- snippet: PATH --> line right before the block");
          continue;
        }
        String source = marker.group(1);
        Path file = ROOT.resolve(source);
        if (!COMPILED.matcher(source).matches() || !Files.isRegularFile(file)) {
          problems.add(
              where + ": " + source + " is not a module's or example project's Java source");
          continue;
        }
        String missing =
            firstMissingLine(block.group(1), Files.readString(file, StandardCharsets.UTF_8));
        if (missing != null) {
          problems.add(where + ": not in " + source + " (in this order): " + missing);
        }
      }
    }
    assertThat(blocks).as("Java blocks found").isPositive();
    assertThat(problems).as("snippets that are not the code they name").isEmpty();
  }

  @Test
  @DisplayName("a snippet matches its source token by token; // ... leaves lines out")
  void matcher() {
    String source =
        """
        class A {
          void run() {
            int a = 1;
            int b = 2;
            int c = 3;
          }
        }
        """;
    assertThat(firstMissingLine("int a = 1;\n  int b = 2;\n", source)).isNull();
    assertThat(firstMissingLine("void run() {\n// ...\nint c = 3;\n", source)).isNull();
    assertThat(firstMissingLine("int a = 1;\nint c = 3;\n", source)).isEqualTo("int a = 1;");
    assertThat(firstMissingLine("int a = 1;\nint b = 5;\n", source)).isEqualTo("int b = 5;");
    assertThat(firstMissingLine("int c = 3;\n// ...\nint a = 1;\n", source))
        .isEqualTo("int a = 1;");
    assertThat(firstMissingLine("void run() { int a\n = 1;\n", source)).isNull();
    assertThat(firstMissingLine("void run() { int a = 2;\n", source))
        .isEqualTo("void run() { int a = 2;");
    assertThat(firstMissingLine("// one comment\nint x;\n", "// one\n// comment\nint x;\n"))
        .isNull();
  }

  /**
   * Null when every part of the snippet (the runs of lines between {@link #ELISION} lines) appears
   * in {@code source} as consecutive code, after the previous part; else the first line {@code
   * source} lacks there, or the first line of the part that does not match as a whole. Code is
   * compared without white space, so a page may wrap a statement differently from the formatted
   * source (google-java-format's 100 columns, which also re-wraps comments) while every token must
   * be the source's.
   */
  static String firstMissingLine(String snippet, String source) {
    String code = withoutWhiteSpace(source);
    int from = 0;
    List<String> part = new ArrayList<>();
    List<String> snippetLines = new ArrayList<>(lines(snippet));
    snippetLines.add(ELISION);
    for (String line : snippetLines) {
      if (!line.equals(ELISION)) {
        part.add(line);
        continue;
      }
      if (!part.isEmpty()) {
        String joined = withoutWhiteSpace(String.join("", part));
        int at = code.indexOf(joined, from);
        if (at < 0) {
          return firstAbsent(part, code.substring(from));
        }
        from = at + joined.length();
        part.clear();
      }
    }
    return null;
  }

  /**
   * The first line of {@code part} that {@code code} does not hold at all, else its first line (out
   * of order).
   */
  private static String firstAbsent(List<String> part, String code) {
    return part.stream()
        .filter(line -> !code.contains(withoutWhiteSpace(line)))
        .findFirst()
        .orElse(part.get(0));
  }

  /** The text without white space and line-comment markers, which re-wrapping a comment adds. */
  private static String withoutWhiteSpace(String text) {
    return WHITE_SPACE.matcher(text.replace("//", "")).replaceAll("");
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }
}
