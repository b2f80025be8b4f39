package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.api.InvalidInputException;

/**
 * Seeded corruptions of valid files (flipped bytes, overwritten runs, truncations): each must
 * either read or fail with an {@link InvalidInputException} whose message names the file, never
 * with anything else, and quickly.
 */
@DisplayName("Reading corrupted NIR files")
class CorruptionFuzzTest {
  private static final int CASES = 400;

  @TempDir static Path folder;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"recurrent", "lif", "subgraph", "written-by-jhdf"})
  @DisplayName("either reads or throws InvalidInputException naming the file, within bounded time")
  void corruptions(String base) throws IOException {
    byte[] valid = bytesOf(base);
    SplittableRandom random = new SplittableRandom(base.hashCode());
    NirReader reader = new NirReader().withValueLimit(1 << 20);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < CASES; i++) {
            String name = base + "#" + i;
            byte[] corrupt = corrupt(valid, random);
            try {
              assertThat(reader.read(corrupt, name).nodes()).isNotEmpty();
            } catch (InvalidInputException e) {
              assertThat(e.getMessage()).as(name).startsWith(name + ": ");
            }
          }
        });
  }

  private static byte[] bytesOf(String base) throws IOException {
    if (!base.equals("written-by-jhdf")) {
      return Files.readAllBytes(Fixtures.nir(base));
    }
    Path file = folder.resolve("every.nir");
    new NirWriter().write(new SampleGraphs(9).everyNodeType(), file);
    return Files.readAllBytes(file);
  }

  private static byte[] corrupt(byte[] valid, SplittableRandom random) {
    byte[] bytes = valid.clone();
    switch (random.nextInt(3)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        int start = random.nextInt(bytes.length);
        Arrays.fill(
            bytes, start, Math.min(bytes.length, start + 1 + random.nextInt(16)), (byte) 0xFF);
      }
      default -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    return bytes;
  }
}
