package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of {@code snn hw verilog} (four files, the stimulus ones large) in separate JVMs, killed
 * during their writes or racing into one folder: the folder holds one complete set of files, never
 * a mix or a truncated file.
 */
@DisplayName("Output folders of killed and concurrent runs")
class OutputAtomicityTest {
  private static final String VECTORS = "30000";

  @Test
  @DisplayName(
      "a run killed during its writes leaves the previous complete set, and the next run cleans up")
  void killedRunLeavesOldSet(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("rtl");
    assertThat(snn(out, "1").waitFor()).isZero();
    Map<String, String> old = snapshot(out);
    Process killed = snn(out, "2");
    awaitStagedFile(dir, killed);
    killed.destroyForcibly().waitFor();
    assertThat(snapshot(out)).isEqualTo(old);
    assertThat(snn(out, "2").waitFor()).isZero();
    assertThat(snapshot(out)).isNotEqualTo(old).containsOnlyKeys(old.keySet());
    assertThat(names(dir)).containsExactly("rtl");
  }

  @Test
  @DisplayName(
      "two runs into one folder at once: each succeeds or is refused by the lock, and one set remains")
  void concurrentRunsLeaveOneSet(@TempDir Path dir) throws Exception {
    assertThat(snn(dir.resolve("one"), "1").waitFor()).isZero();
    assertThat(snn(dir.resolve("two"), "2").waitFor()).isZero();
    Path out = dir.resolve("both");
    Process first = snn(out, "1");
    Process second = snn(out, "2");
    for (Process run : List.of(first, second)) {
      int code = run.waitFor();
      String err = new String(run.getErrorStream().readAllBytes());
      assertThat(code == 0 || (code == 2 && err.contains("is being written by another snn run")))
          .as(err)
          .isTrue();
    }
    assertThat(snapshot(out)).isIn(snapshot(dir.resolve("one")), snapshot(dir.resolve("two")));
  }

  private static Process snn(Path out, String seed) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SnnCli.class.getName(),
            "hw",
            "verilog",
            "--block",
            "pe-array",
            "--no-simulate",
            "--vectors",
            VECTORS,
            "--seed",
            seed,
            "--out",
            out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Waits until the run has written a file into its staging folder beside the output. */
  private static void awaitStagedFile(Path dir, Process run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && run.isAlive()) {
      try (Stream<Path> files = Files.walk(dir)) {
        if (files.anyMatch(p -> p.toString().contains(".staging-") && Files.isRegularFile(p))) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the run wrote nothing into a staging folder before it ended");
  }

  private static Map<String, String> snapshot(Path folder) throws Exception {
    Map<String, String> files = new TreeMap<>();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(p).toString(),
            HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(p))));
      }
    }
    return files;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
