package org.snncodesign.neurons.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * The NIR paper's single-neuron benchmark: the graph of lif_norse.nir (Input -> Affine [[1]] -> LIF
 * tau 2.5 ms, threshold 0.1 -> Output) at dt = 0.1 ms against the exact solution in lif_exact.csv.
 */
class LifNorseAcceptanceTest {
  private static final Path EXACT = Path.of("../../shared/nir/files/lif_exact.csv");
  private static final double DT = 1e-4;
  private static SpikeRaster input;
  private static double[] exactVoltage;

  @BeforeAll
  static void readExactSolution() throws IOException {
    Assumptions.assumeTrue(Files.exists(EXACT), "the NIR reference file " + EXACT + " is absent");
    List<String> rows = Files.readAllLines(EXACT);
    input = new SpikeRaster(rows.size(), 1);
    exactVoltage = new double[rows.size()];
    for (int t = 0; t < rows.size(); t++) {
      String[] cells = rows.get(t).split(",");
      if (Double.parseDouble(cells[0]) != 0) {
        input.set(t, 0);
      }
      exactVoltage[t] = Double.parseDouble(cells[1]);
    }
  }

  static NetworkGraph lifNorse() {
    Shape one = Shape.of(1);
    return NetworkGraph.builder()
        .node("input", new InputNode(one))
        .node("affine", new AffineNode(Tensor.ofFloats(Shape.of(1, 1), 1f), Tensor.vector(0f)))
        .node(
            "lif",
            new LifNode(
                Tensor.ofDoubles(one, 0.0025),
                Tensor.ofDoubles(one, 1),
                Tensor.ofDoubles(one, 0),
                Tensor.ofDoubles(one, 0.1),
                Tensor.ofDoubles(one, 0)))
        .node("output", new OutputNode(one))
        .chain("input", "affine", "lif", "output")
        .build();
  }

  private static GraphRecording run(Discretization discretization) {
    return GraphSimulator.builder(lifNorse(), discretization)
        .recordVoltages(true)
        .build()
        .run(Stimulus.spikes(input));
  }

  private static double relativeRms(float[][] voltages) {
    double error = 0;
    double norm = 0;
    for (int t = 0; t < exactVoltage.length; t++) {
      error += (voltages[t][0] - exactVoltage[t]) * (voltages[t][0] - exactVoltage[t]);
      norm += exactVoltage[t] * exactVoltage[t];
    }
    return Math.sqrt(error / exactVoltage.length) / Math.sqrt(norm / exactVoltage.length);
  }

  @Test
  @DisplayName(
      "Under forward Euler the LIF fires at steps 460, 510, 710 and 760, as the exact solution")
  void forwardEulerFiresWhenTheExactSolutionDoes() {
    assertThat(run(Discretization.forwardEuler(DT)).spikes("lif").train(0).times())
        .containsExactly(460, 510, 710, 760);
  }

  @Test
  @DisplayName(
      "Under exponential Euler the LIF fires at steps 460, 510, 710 and 760, as the exact solution")
  void exponentialEulerFiresWhenTheExactSolutionDoes() {
    assertThat(run(Discretization.exponentialEuler(DT)).spikes("lif").train(0).times())
        .containsExactly(460, 510, 710, 760);
  }

  @Test
  @DisplayName(
      "Under forward Euler the voltage is within 3 % relative RMS of the exact solution (Norse: 2.7 %)")
  void forwardEulerVoltageIsCloseToExact() {
    double rms = relativeRms(run(Discretization.forwardEuler(DT)).voltages("lif"));
    System.out.printf("lif_norse forward Euler: relative RMS %.4f %%%n", 100 * rms);
    assertThat(rms).isLessThan(0.03);
  }

  @Test
  @DisplayName(
      "Under exponential Euler the voltage is within 3 % relative RMS of the exact solution")
  void exponentialEulerVoltageIsCloseToExact() {
    double rms = relativeRms(run(Discretization.exponentialEuler(DT)).voltages("lif"));
    System.out.printf("lif_norse exponential Euler: relative RMS %.4f %%%n", 100 * rms);
    assertThat(rms).isLessThan(0.03);
  }

  @Test
  @DisplayName("The Output node of the LIF passes on its spikes as values 0 and 1")
  void outputCarriesTheSpikes() {
    float[][] output = run(Discretization.forwardEuler(DT)).output();
    assertThat(output[460][0]).isEqualTo(1f);
    assertThat(output[459][0]).isEqualTo(0f);
  }
}
