package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.fpga.search.SearchSettings;

class CoSearchPlanJsonTest {
  private static final CoSearchPlan JOINT =
      new CoSearchPlan(
          CoDesignSearch.Settings.builder()
              .accelerator("firefly-s")
              .budget("zu9eg")
              .search(
                  SearchSettings.DEFAULT
                      .withBudget(16, 8, 2)
                      .withSeed(-7)
                      .withThreads(3)
                      .withStaticPower(StaticPower.INCLUDED))
              .maxAccuracyDrop(2.5)
              .fineTuneEpochs(4)
              .firstLayer(MeasuredRun.FirstLayer.EXCLUDED)
              .build(),
          true,
          new NetworkSource.Trained(
              Path.of("/models/model.json"), "idx:kmnist", Path.of("/data/kmnist")));

  @Test
  @DisplayName("a plan written and read back is the same plan, joint or synthetic")
  void roundTrip(@TempDir Path dir) throws Exception {
    CoSearchPlan synthetic =
        new CoSearchPlan(
            CoDesignSearch.Settings.builder().build(), false, new NetworkSource.Synthetic(4, 0.3));
    for (CoSearchPlan plan : new CoSearchPlan[] {JOINT, synthetic}) {
      Path file = dir.resolve("plan.json");
      CoSearchPlanJson.write(plan, file);
      assertThat(CoSearchPlanJson.read(file)).isEqualTo(plan);
    }
    assertThat(dir).isDirectoryNotContaining("glob:**.part");
  }

  @Test
  @DisplayName("relative paths of the network and data are saved absolute")
  void pathsAbsolute(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    CoSearchPlanJson.write(
        new CoSearchPlan(
            CoDesignSearch.Settings.builder().build(),
            false,
            new NetworkSource.Trained(Path.of("m.json"), "mnist", Path.of("data"))),
        file);
    NetworkSource.Trained read = (NetworkSource.Trained) CoSearchPlanJson.read(file).network();
    assertThat(read.network()).isEqualTo(Path.of("m.json").toAbsolutePath());
    assertThat(read.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"population\" : 8|field search.population is \"8x\"; expected an integer",
        "\"static_energy\" : \"included\"|field search.static_energy is \"some\"; expected one of \"excluded\", \"included\"",
        "\"first_layer\" : \"excluded\"|field first_layer is \"some\"; expected one of \"excluded\", \"bit-planes\"",
        "\"source\" : \"trained\"|field network.source is \"some\"; expected \"trained\" or \"synthetic\"",
        "\"fine_tune_epochs\" : 4|fineTuneEpochs",
        "\"schema_version\" : 1|field schema_version is \"some\"; expected 1",
        "\"network_genes\" : true|field network_genes is \"some\"; expected true or false",
        "\"budget\" : \"zu9eg\"|field budget2 is not known",
      })
  @DisplayName(
      "a bad field is one line naming the file, the field, its value and what was expected")
  void badField(String field, String message, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    CoSearchPlanJson.write(JOINT, file);
    String name = field.substring(0, field.indexOf(" : "));
    String replacement =
        switch (name) {
          case "\"population\"" -> name + " : \"8x\"";
          case "\"fine_tune_epochs\"" -> name + " : -1";
          case "\"budget\"" -> "\"budget2\" : \"zu9eg\"";
          default -> name + " : \"some\"";
        };
    String text = Files.readString(file);
    assertThat(text).contains(field);
    Files.writeString(file, text.replace(field, replacement));

    assertThatThrownBy(() -> CoSearchPlanJson.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a missing field, a file that is not JSON and a missing file are one line each")
  void missingAndMalformed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    CoSearchPlanJson.write(JOINT, file);
    Files.writeString(file, Files.readString(file).replace("\"seed\" : -7,", ""));
    assertThatThrownBy(() -> CoSearchPlanJson.read(file))
        .hasMessage(file + ": field search.seed is missing");
    Files.writeString(file, "{\"schema_version\": 1,");
    assertThatThrownBy(() -> CoSearchPlanJson.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": not JSON (line 1");
    assertThatThrownBy(() -> CoSearchPlanJson.read(dir.resolve("none.json")))
        .hasMessage(dir.resolve("none.json") + ": no such file");
  }
}
