package org.snncodesign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snncodesign.docs.RepositoryFiles;

/**
 * What the user guide shows a program printing: the code block after {@code <!-- output: PROGRAM
 * -->} on a guide page. The tests that run a program check it against what the program printed, so
 * the guide's figures cannot go stale.
 */
final class GuideOutput {
  private GuideOutput() {}

  /**
   * Asserts that every line of {@code program}'s output block on {@code page} is a line {@code
   * printed} holds.
   */
  static void assertShows(String page, String program, String printed) throws IOException {
    String markdown =
        Files.readString(
            RepositoryFiles.root().resolve("docs").resolve("guide").resolve(page),
            StandardCharsets.UTF_8);
    Matcher block =
        Pattern.compile("(?s)<!-- output: " + Pattern.quote(program) + " -->\\s*```\\n(.*?)```")
            .matcher(markdown);
    assertThat(block.find()).as("an output block of %s on docs/guide/%s", program, page).isTrue();
    assertThat(printed.lines().toList())
        .as("what %s printed, against docs/guide/%s", program, page)
        .containsAll(block.group(1).lines().toList());
  }
}
