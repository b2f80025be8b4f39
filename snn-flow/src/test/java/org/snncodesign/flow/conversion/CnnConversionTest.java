package org.snncodesign.flow.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.SnnException;
import org.snncodesign.api.plugin.PluginJarBuilder;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.flow.lsm.TinyMnist;
import org.snncodesign.neurons.engine.PropagationMode;

class CnnConversionTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");
  private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

  private static ConversionSettings.Builder settings(Path dataDir) {
    return ConversionSettings.builder().dataDir(dataDir).testSamples(20).threads(2);
  }

  /** A small untrained LeNet for MNIST, written to {@code dir}; skips the test without MNIST. */
  private static Path smallLenet(Path dir) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path model = dir.resolve("lenet.json");
    AnnJson.write(CnnArchitectures.lenet(1, 28, 4, 8, 16, 10, 5), model);
    return model;
  }

  private static CnnConversion.Result run(ConversionSettings settings) throws Exception {
    CnnConversion conversion = CnnConversion.prepare(settings, PluginRegistry.discover(), QUIET);
    return conversion.evaluate(conversion.convert());
  }

  /** {@code snn convert}'s report of {@code result}, as Jackson writes it. */
  private static JsonNode json(CnnConversion.Result result) {
    return new ObjectMapper().valueToTree(ConvertRunReport.of(result));
  }

  @Test
  @DisplayName("a coding plugin the converter cannot run is refused by name in one line")
  void codingByPluginName(@TempDir Path tmp) {
    assertThatThrownBy(
            () ->
                CnnConversion.prepare(
                    settings(tmp).coding("ttfs").build(), PluginRegistry.discover(), QUIET))
        .isInstanceOf(SnnException.class)
        .hasMessageContaining("coding 'ttfs' cannot drive")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(
            () ->
                CnnConversion.prepare(
                    settings(tmp).coding("nope").build(), PluginRegistry.discover(), QUIET))
        .isInstanceOf(SnnException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("phase1");
  }

  @Test
  @DisplayName(
      "a neuron model is taken by plugin name for rate coding on either backend, and refused in one"
          + " line for phase coding")
  void neuronByPluginName(@TempDir Path tmp) {
    assertThatThrownBy(
            () ->
                CnnConversion.prepare(
                    settings(tmp)
                        .coding("rate")
                        .backend(CnnConversion.ENGINE)
                        .neuron("nope")
                        .build(),
                    PluginRegistry.discover(),
                    QUIET))
        .hasMessageContaining("NeuronModel")
        .hasMessageContaining("nope");
    assertThatThrownBy(
            () ->
                CnnConversion.prepare(
                    settings(tmp).coding("rate").neuron("nope").build(),
                    PluginRegistry.discover(),
                    QUIET))
        .hasMessageContaining("NeuronModel")
        .hasMessageContaining("nope");
    assertThatThrownBy(
            () ->
                CnnConversion.prepare(
                    settings(tmp).neuron("lif").build(), PluginRegistry.discover(), QUIET))
        .isInstanceOf(SnnException.class)
        .hasMessage(
            "neuron lif: coding phase1 runs its own one-spike neurons, whose threshold is the phase"
                + " code, and takes only neuron if; coding rate runs any neuron model plugin");
    assertThatThrownBy(
            () ->
                CnnConversion.prepare(
                    settings(tmp).backend(CnnConversion.ENGINE).build(),
                    PluginRegistry.discover(),
                    QUIET))
        .hasMessageContaining("runs only coding rate");
  }

  @Test
  @DisplayName(
      "the rate-coded network on the engine with the if plugin, named, matches the rate simulator")
  void engineWithNamedNeuron(@TempDir Path tmp) throws Exception {
    Path model = smallLenet(tmp);
    ConversionSettings.Builder rate = settings(MNIST).model(model).coding("rate").rateSteps(32);
    ConversionReport simulator = run(rate.build()).report();
    CnnConversion.Result engine =
        run(
            rate.backend(CnnConversion.ENGINE)
                .neuron("if")
                .propagation(PropagationMode.CLOCK)
                .build());
    assertThat(engine.report().snnAccuracy()).isEqualTo(simulator.snnAccuracy());
    assertThat(engine.report().spikesPerNeuron()).isEqualTo(simulator.spikesPerNeuron());
    assertThat(engine.report().snnAcs()).isEqualTo(simulator.snnAcs());
    assertThat(json(engine).get("propagation").asText()).isEqualTo("clock");
    assertThat(json(engine).has("neuron")).isFalse();
    assertThat(engine.checkpoints()).hasSize(2);
  }

  @Test
  @DisplayName(
      "the rate simulator runs a named neuron model: lif neurons leak, spike less than if neurons"
          + " and still classify, and the report names them")
  void rateSimulatorWithNamedNeuron(@TempDir Path tmp) throws Exception {
    Path model = smallLenet(tmp);
    ConversionSettings.Builder rate = settings(MNIST).model(model).coding("rate").rateSteps(64);
    CnnConversion.Result integrate = run(rate.build());
    CnnConversion.Result leaky = run(rate.neuron("lif").build());
    assertThat(leaky.report().spikesPerNeuron()).isLessThan(integrate.report().spikesPerNeuron());
    assertThat(leaky.report().snnAccuracy())
        .isCloseTo(integrate.report().snnAccuracy(), org.assertj.core.data.Offset.offset(0.25));
    assertThat(json(leaky).get("neuron").asText()).isEqualTo("lif");
    assertThat(json(leaky).get("backend").asText()).isEqualTo("simulator");
    assertThat(json(leaky).has("propagation")).isFalse();
    assertThat(json(integrate).has("neuron")).isFalse();
  }

  @Test
  @DisplayName(
      "the phase-coded network's report carries the data set's hash, the normalisation and the backend")
  void phaseCodedReport(@TempDir Path tmp) throws Exception {
    Path model = smallLenet(tmp);
    CnnConversion.Result result = run(settings(MNIST).model(model).build());
    assertThat(result.report().coding()).isEqualTo("phase1");
    assertThat(result.report().timesteps()).isEqualTo(4 * 16);
    assertThat(json(result).get("dataset_sha256").asText()).hasSize(64);
    assertThat(json(result).get("backend").asText()).isEqualTo("simulator");
    assertThat(json(result).has("schema_version")).isFalse();
    Path csv = tmp.resolve("conversion.csv");
    ConversionCsv.write(csv, result.report());
    assertThat(Files.readAllLines(csv))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("mnist,")
        .contains(",phase1,");
  }

  @Test
  @DisplayName(
      "the default CNN trained on a plugin's file is cached under the file's hash: a file of the"
          + " same name in another folder trains its own, and each is found again")
  void cacheKeyedByContent(@TempDir Path tmp) throws Exception {
    Path first = TinyMnist.write(Files.createDirectories(tmp.resolve("first")));
    Path second = TinyMnist.write(Files.createDirectories(tmp.resolve("second")));
    Path images = second.resolve("train-images-idx3-ubyte");
    byte[] bytes = Files.readAllBytes(images);
    bytes[16] = 7; // the first pixel, after the 16-byte IDX header
    Files.write(images, bytes);
    Path cache = tmp.resolve("cache");
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader plugins = fileNamedIdxPlugin(tmp)) {
      Thread.currentThread().setContextClassLoader(plugins);
      assertThat(prepareOn(first, cache)).contains("training");
      assertThat(prepareOn(second, cache)).contains("training").doesNotContain("using cached");
      assertThat(prepareOn(first, cache)).contains("using cached model");
    } finally {
      Thread.currentThread().setContextClassLoader(context);
    }
    try (var files = Files.list(cache)) {
      assertThat(files).hasSize(2);
    }
  }

  /**
   * A data-set plugin reading IDX images that names its data by the file name alone, as the libsvm
   * sample plugin does (the built-in idx plugin gives the whole path), built into a jar.
   */
  private static URLClassLoader fileNamedIdxPlugin(Path tmp) throws Exception {
    Path jar =
        PluginJarBuilder.build(
            PluginJarBuilder.writeTree(
                tmp.resolve("src"),
                Map.of(
                    "com/example/FileNamedIdx.java",
"""
                    package com.example;
                    import java.nio.file.Path;
import java.util.Map;
                    import org.snncodesign.api.dataset.DatasetProvider;
                    import org.snncodesign.api.dataset.LabeledDataset;
                    import org.snncodesign.datasets.idx.IdxReader;
                    public final class FileNamedIdx implements DatasetProvider {
                      public String name() { return "file-named-idx"; }
                      public String description() { return "test fixture"; }
                      public boolean accepts(Path path) { return false; }
                      public LabeledDataset load(Path path) throws java.io.IOException {
                        LabeledDataset d = IdxReader.load(path);
                        return new LabeledDataset(path.getFileName().toString(), d.shape(),
                            d.features(), d.labels(), d.classNames());
                      }
                    }
                    """)),
            PluginJarBuilder.writeTree(
                tmp.resolve("res"),
                Map.of(
                    "META-INF/services/org.snncodesign.api.dataset.DatasetProvider",
                    "com.example.FileNamedIdx\n")),
            Files.createDirectories(tmp.resolve("classes")),
            tmp.resolve("file-named-idx.jar"));
    return new URLClassLoader(
        new URL[] {jar.toUri().toURL()}, CnnConversionTest.class.getClassLoader());
  }

  /** What preparing a conversion of {@code folder}'s training images printed. */
  private static String prepareOn(Path folder, Path cache) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    CnnConversion.prepare(
        settings(folder.resolve("train-images-idx3-ubyte"))
            .dataset("file-named-idx")
            .cacheDir(cache)
            .trainSamples(12)
            .testSamples(4)
            .epochs(1)
            .build(),
        PluginRegistry.discover(),
        new PrintStream(progress, true, StandardCharsets.UTF_8));
    return progress.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a CNN conversion refuses the embedded digits, which only the ViT path reads")
  void cnnNeedsIdx() {
    assertThatThrownBy(
            () ->
                CnnConversion.prepare(
                    settings(null).dataset("digits").build(), PluginRegistry.discover(), QUIET))
        .hasMessageContaining("IDX");
  }
}
