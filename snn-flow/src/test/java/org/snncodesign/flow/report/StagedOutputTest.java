package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;

@DisplayName("A staged output")
class StagedOutputTest {

  @Test
  @DisplayName("moves every file, subfolders included, into the target folder on commit")
  void commitMovesFiles(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("out");
    try (StagedOutput output = StagedOutput.to(target)) {
      Files.writeString(output.file("report.json"), "{}");
      Files.createDirectories(output.stagedPath().resolve("rtl"));
      Files.writeString(output.stagedPath().resolve("rtl/pe.v"), "module pe;");
      assertThat(target).doesNotExist();
      output.commit();
    }
    assertThat(target.resolve("report.json")).hasContent("{}");
    assertThat(target.resolve("rtl/pe.v")).hasContent("module pe;");
    assertThat(siblings(dir)).containsExactly("out");
  }

  @Test
  @DisplayName("that is not committed leaves nothing: no target folder, no staging folder, no lock")
  void uncommittedLeavesNothing(@TempDir Path dir) throws Exception {
    try (StagedOutput output = StagedOutput.to(dir.resolve("out"))) {
      Files.writeString(output.file("hardware.csv"), "half a ta");
    }
    assertThat(siblings(dir)).isEmpty();
  }

  @Test
  @DisplayName("keeps the files already in the target folder and replaces the ones it writes again")
  void keepsOtherFiles(@TempDir Path dir) throws Exception {
    Path target = Files.createDirectories(dir.resolve("out"));
    Files.writeString(target.resolve("notes.txt"), "mine");
    Files.writeString(target.resolve("report.json"), "old");
    try (StagedOutput output = StagedOutput.to(target)) {
      Files.writeString(output.file("report.json"), "new");
      output.commit();
    }
    assertThat(target.resolve("notes.txt")).hasContent("mine");
    assertThat(target.resolve("report.json")).hasContent("new");
  }

  @Test
  @DisplayName(
      "refuses a second run into the same output while the first one runs, naming the process")
  void secondRunRefused(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("out");
    try (StagedOutput first = StagedOutput.to(target)) {
      assertThatThrownBy(() -> StagedOutput.to(target))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(
              "is being written by another snn run (process "
                  + ProcessHandle.current().pid()
                  + ")");
    }
    StagedOutput.to(target).close();
  }

  @Test
  @DisplayName("takes over the lock and removes the staging folder left by a killed run")
  void staleLeftoversRemoved(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(dir.resolve(".out.lock"), Long.toString(gone.pid()));
    Path leftover = Files.createDirectories(dir.resolve(".out.staging-" + gone.pid() + "-0000"));
    Files.writeString(leftover.resolve("report.json"), "{");
    try (StagedOutput output = StagedOutput.to(dir.resolve("out"))) {
      assertThat(leftover).doesNotExist();
    }
    assertThat(siblings(dir)).isEmpty();
  }

  @Test
  @DisplayName(
      "refuses a folder option that names a file and a file option that names a folder, before any work")
  void wrongKindRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("report"), "x");
    assertThatThrownBy(() -> StagedOutput.folder(file, "--out"))
        .hasMessage("--out " + file + " is a file; expected a folder");
    assertThatThrownBy(() -> StagedOutput.file(dir, "-o"))
        .hasMessage("-o " + dir + " is a folder; expected a file name");
    assertThat(dir).isDirectory();
    assertThat(file).hasContent("x");
  }

  @Test
  @DisplayName("stages a single file beside its target and renames it into place on commit")
  void singleFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("runs.csv");
    try (StagedOutput output = StagedOutput.file(target, "--csv")) {
      Files.writeString(output.stagedPath(), "a,b\n");
      assertThat(StagedOutput.shown(output.stagedPath())).isEqualTo(target);
      output.commit();
    }
    assertThat(target).hasContent("a,b\n");
    assertThat(siblings(dir)).containsExactly("runs.csv");
  }

  @Test
  @DisplayName(
      "moves a companion a command writes beside a staged file (a chart beside its CSV) along with it, and "
          + "shows it at its final place")
  void companionFile(@TempDir Path dir) throws Exception {
    try (StagedOutput output = StagedOutput.file(dir.resolve("curve.csv"), "--csv")) {
      Files.writeString(output.stagedPath(), "size,accuracy\n");
      Path chart = output.stagedPath().resolveSibling("curve.png");
      Files.writeString(chart, "png");
      assertThat(StagedOutput.shown(chart))
          .isEqualTo(dir.resolve("curve.png").toAbsolutePath().normalize());
      output.commit();
    }
    assertThat(siblings(dir)).containsExactly("curve.csv", "curve.png");
  }

  private static java.util.List<String> siblings(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
