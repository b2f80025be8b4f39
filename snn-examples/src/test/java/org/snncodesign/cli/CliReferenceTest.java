package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.docs.RepositoryFiles;

@DisplayName("docs/cli.md, the command reference")
class CliReferenceTest {
  /**
   * Set (-Dsnn.docs.write=true) to rewrite the generated part of docs/cli.md instead of checking
   * it.
   */
  private static final String WRITE = "snn.docs.write";

  private static final String REGENERATE =
      "./mvnw -B -q -pl snn-examples -am test -Dtest=CliReferenceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D"
          + WRITE
          + "=true";

  @Test
  @DisplayName("holds the usage help of every snn command as picocli prints it today")
  void upToDate() throws IOException {
    Path file = RepositoryFiles.root().resolve("docs/cli.md");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String expected = CommandReference.replaceGenerated(text, CommandReference.markdown());
    if (Boolean.getBoolean(WRITE)) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
      text = expected;
    }
    assertThat(firstDifference(text, expected))
        .as("docs/cli.md is out of date with the commands; regenerate it with " + REGENERATE)
        .isNull();
  }

  /** Where {@code page} first differs from {@code expected}, or null when they are equal. */
  private static String firstDifference(String page, String expected) {
    if (page.equals(expected)) {
      return null;
    }
    String[] have = page.split("\n", -1);
    String[] want = expected.split("\n", -1);
    int line = 0;
    while (line < have.length && line < want.length && have[line].equals(want[line])) {
      line++;
    }
    return "line %d: the page has \"%s\" where the commands give \"%s\""
        .formatted(
            line + 1,
            line < have.length ? have[line] : "(end)",
            line < want.length ? want[line] : "(end)");
  }

  @Test
  @DisplayName("lists every subcommand, nested ones included, with its options")
  void coversTheTree() {
    String generated = CommandReference.markdown();
    assertThat(generated)
        .contains(
            "### snn\n",
            "### snn demo\n",
            "### snn hw search\n",
            "### snn lsm sastl\n",
            "--json",
            "- [snn hw search](#snn-hw-search)");
  }
}
