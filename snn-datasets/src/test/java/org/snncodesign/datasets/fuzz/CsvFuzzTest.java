package org.snncodesign.datasets.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.datasets.DataFormatException;
import org.snncodesign.datasets.csv.CsvDatasetReader;

/**
 * 10,000 mutated CSV files (bytes mutated as for the binary formats, then decoded as UTF-8): the
 * reader returns a data set or throws {@link DataFormatException} naming the file; anything else
 * fails with the input to replay.
 */
class CsvFuzzTest {
  private static final int INPUTS = 10_000;

  @Test
  @DisplayName("10,000 mutated CSV files give results or DataFormatException only")
  void csvFuzz() {
    StringBuilder valid = new StringBuilder("x1,x2,\"x 3\",label\n");
    for (int i = 0; i < 40; i++) {
      valid
          .append(i * 0.5)
          .append(',')
          .append(-i)
          .append(",1e-3,")
          .append(i % 3 == 0 ? "cat" : "dog")
          .append('\n');
    }
    byte[] bytes = valid.toString().getBytes(StandardCharsets.UTF_8);
    CsvDatasetReader reader = CsvDatasetReader.defaults();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          assertThat(reader.read(new StringReader(valid.toString()), "table.csv").samples())
              .isEqualTo(40);
          Mutator mutator = new Mutator(108);
          int refused = 0;
          for (int i = 0; i < INPUTS; i++) {
            String input = new String(mutator.mutate(bytes), StandardCharsets.UTF_8);
            try {
              reader.read(new StringReader(input), "table.csv");
            } catch (DataFormatException expected) {
              refused++;
              assertThat(expected.getMessage()).startsWith("table.csv");
            } catch (Throwable other) {
              fail(
                  "table.csv input " + i + " (mutator seed 108) threw " + other + " on:\n" + input,
                  other);
            }
          }
          assertThat(refused).isPositive().isLessThan(INPUTS);
        });
  }
}
