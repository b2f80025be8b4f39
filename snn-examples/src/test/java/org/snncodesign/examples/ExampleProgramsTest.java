package org.snncodesign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.plugin.PluginJarBuilder;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkGraphs;
import org.snncodesign.nir.NirWriter;

/** Every example program runs and prints what its Javadoc promises. */
class ExampleProgramsTest {
  private static final Path BRAILLE =
      Path.of("..", "..", "shared", "nir", "files", "braille_noDelay_bias_zero.nir");

  @TempDir static Path work;

  /**
   * Builds the plugin jar of the sample project {@code examples/NAME} into a folder of its own, as
   * its pom would.
   */
  private static Path pluginFolder(String name) throws Exception {
    Path sources = Path.of("..", "examples", name, "src", "main");
    assumeThat(sources).as("sample plugin sources under examples/" + name).isDirectory();
    Path folder = Files.createDirectories(work.resolve(name));
    PluginJarBuilder.build(
        sources.resolve("java"),
        sources.resolve("resources"),
        Files.createDirectories(work.resolve(name + "-classes")),
        folder.resolve(name + ".jar"));
    return folder;
  }

  /**
   * Runs {@code program} with {@code args} and returns what it printed (its progress on standard
   * error dropped).
   */
  private static synchronized String run(ThrowingMain program, String... args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    try {
      program.main(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface ThrowingMain {
    void main(String[] args) throws Exception;
  }

  private static List<String> acceleratorLines(String output) {
    return output.lines().filter(line -> line.contains(" cycles ")).toList();
  }

  @Test
  @DisplayName("SimulateRecurrentNetwork runs the recurrent graph and its neurons fire")
  void simulateRecurrentNetwork() throws Exception {
    String output = run(SimulateRecurrentNetwork::main, "2");
    assertThat(output).containsPattern("\\d+ input spikes, [1-9]\\d* LIF spikes");
  }

  @Test
  @DisplayName("ImportNirAndPrice prices the snnTorch Braille network on every accelerator")
  void importNirAndPrice() throws Exception {
    assumeTrue(Files.isRegularFile(BRAILLE), BRAILLE + " is absent");
    String output = run(ImportNirAndPrice::main, BRAILLE.toString(), "1e-4");
    assertThat(output).contains("45 neurons, 3 spike-driven projections");
    assertThat(acceleratorLines(output)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  @DisplayName(
      "ImportNirAndPrice prices a feed-forward network trained here and names the models that decline it")
  void importFeedForwardNirAndPrice() throws Exception {
    Path nir = work.resolve("digits.nir");
    NetworkGraph trained =
        SpikingNetworkGraphs.toGraph(
            DigitsDemoNetwork.train(1, new PrintStream(OutputStream.nullOutputStream())).network(),
            1e-3);
    new NirWriter().write(trained, nir);
    String output = run(ImportNirAndPrice::main, nir.toString(), "1e-3");
    assertThat(output).containsPattern("digits.nir: \\d+ neurons, 3 spike-driven projections");
    assertThat(output).contains("lut-lsm            declines: ");
    assertThat(acceleratorLines(output)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  @DisplayName("PruneLiquidStateMachine halves the digits liquid and its readout still classifies")
  void pruneLiquidStateMachine() throws Exception {
    String output = run(PruneLiquidStateMachine::main);
    Matcher liquid =
        Pattern.compile(
                "liquid: 300 neurons, +[\\d,]+ synapses, +[\\d,]+ bytes, (\\d+\\.\\d) % test")
            .matcher(output);
    Matcher pruned =
        Pattern.compile(
                "pruned: 150 neurons, +[\\d,]+ synapses, +[\\d,]+ bytes, (\\d+\\.\\d) % test")
            .matcher(output);
    assertThat(liquid.find() && pruned.find()).as(output).isTrue();
    assertThat(Double.parseDouble(liquid.group(1))).isGreaterThan(85);
    assertThat(Double.parseDouble(pruned.group(1))).isGreaterThan(75);
    GuideOutput.assertShows("simulate.md", "PruneLiquidStateMachine", output);
  }

  @Test
  @DisplayName(
      "ConvertCnnToOneSpike trains the digits CNN and its one-spike SNN stays within 3 points of it")
  void convertCnnToOneSpike() throws Exception {
    String output = run(ConvertCnnToOneSpike::main);
    assertThat(output).contains("digits-cnn: 4 stages, 73,920 synapses, 359 held-out digits");
    Matcher row =
        Pattern.compile("phase1 +48 steps +ANN (0\\.\\d+) +SNN (0\\.\\d+)").matcher(output);
    assertThat(row.find()).as(output).isTrue();
    double ann = Double.parseDouble(row.group(1));
    double snn = Double.parseDouble(row.group(2));
    assertThat(ann).isGreaterThan(0.93);
    assertThat(snn).isGreaterThan(ann - 0.03);
    GuideOutput.assertShows("convert.md", "ConvertCnnToOneSpike", output);
  }

  @Test
  @DisplayName(
      "CustomNeuronInTrainedNetwork classifies the trained digits with the sample plugin as with the "
          + "built-in LIF")
  void customNeuronInTrainedNetwork() throws Exception {
    String output =
        run(CustomNeuronInTrainedNetwork::main, pluginFolder("third-party-neuron").toString());
    Matcher builtIn = accuracy("lif", output);
    Matcher plugin = accuracy("example-euler-lif", output);
    assertThat(Double.parseDouble(builtIn.group(1))).isGreaterThan(90);
    assertThat(Double.parseDouble(plugin.group(1)))
        .isCloseTo(Double.parseDouble(builtIn.group(1)), offset(1.0));
    GuideOutput.assertShows("plugins.md", "CustomNeuronInTrainedNetwork", output);
  }

  private static Matcher accuracy(String model, String output) {
    Matcher line =
        Pattern.compile("(?m)^" + model + " +(\\d+\\.\\d+) % of 359 held-out digits$")
            .matcher(output);
    assertThat(line.find()).as(model + " in:%n%s", output).isTrue();
    return line;
  }

  @Test
  @DisplayName(
      "CustomAcceleratorSearch prices on the sample plugin beside the built-in models and searches its "
          + "design space")
  void customAcceleratorSearch() throws Exception {
    String output =
        run(CustomAcceleratorSearch::main, pluginFolder("third-party-plugin").toString());
    assertThat(acceleratorLines(output))
        .hasSizeGreaterThanOrEqualTo(6)
        .anySatisfy(line -> assertThat(line).startsWith("example-dense-mac "))
        .anySatisfy(line -> assertThat(line).startsWith("firefly-s "));
    assertThat(output)
        .containsPattern(
            "example-dense-mac: 5 designs searched, best \\{macs=\\d+\\}, EDP "
                + "\\d+\\.\\d+x lower than the default \\{macs=256\\}");
    GuideOutput.assertShows("search.md", "CustomAcceleratorSearch", output);
  }
}
