package org.snncodesign.spark.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.snncodesign.cli.SnnCli;
import org.snncodesign.spark.SnnSpark;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HwSearchOnSparkTest {
  private static final String[] SEARCH = {
    "--synthetic",
    "--random",
    "12",
    "--population",
    "6",
    "--generations",
    "2",
    "--seed",
    "5",
    "--json"
  };

  /** The exit code and the last line {@code run} printed on standard output. */
  private static List<String> lastLine(Supplier<Integer> run) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = run.get();
    } finally {
      System.setOut(stdout);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    return List.of(Integer.toString(code), lines.isEmpty() ? "" : lines.get(lines.size() - 1));
  }

  private static String[] with(String first, String... more) {
    String[] args = new String[1 + more.length + SEARCH.length];
    args[0] = first;
    System.arraycopy(more, 0, args, 1, more.length);
    System.arraycopy(SEARCH, 0, args, 1 + more.length, SEARCH.length);
    return args;
  }

  @Test
  @DisplayName(
      "snn-spark hw-search --master local[2] prints the JSON of snn hw search on one thread, byte for byte")
  void sameJsonAsSnnHwSearch() {
    List<String> onSpark = lastLine(() -> SnnSpark.run(with("hw-search", "--master", "local[2]")));
    String[] sequential = with("hw", "search", "--threads", "1");

    assertThat(onSpark.get(0)).isEqualTo("0");
    assertThat(onSpark.get(1)).startsWith("{").contains("\"best_edp\"");
    assertThat(onSpark).isEqualTo(lastLine(() -> SnnCli.run(sequential)));
  }
}
