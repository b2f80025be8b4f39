package org.snncodesign.cli.nir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.cli.options.RecordedCells;
import org.snncodesign.flow.graph.StimulusCsv;
import org.snncodesign.neurons.graph.Stimulus;
import picocli.CommandLine.Option;

/**
 * What a simulated graph's Input receives: the rows of a CSV file (one row per step, one column per
 * input; 0/1 values are spikes, others analog values), or seeded random spikes at a given rate.
 */
public final class GraphStimulusOptions {
  /** Most steps a run may take: bounds the arrays before they are allocated. */
  static final int MAX_STEPS = 10_000_000;

  @Option(
      names = "--input",
      paramLabel = "CSV",
      description =
          "Input per step: one row per time step, one column per input (a header row is skipped).")
  Path input;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "INDEX",
      description = "Columns of --input to use, 0-based (default: all), e.g. --columns 0.")
  List<Integer> columns;

  @Option(
      names = "--input-rate",
      paramLabel = "P",
      description =
          "Instead of --input: random spikes, each input spiking with probability P per step.")
  Double inputRate;

  @Option(
      names = "--steps",
      description = "Time steps (default: the rows of --input; 100 with --input-rate).")
  Integer steps;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the random spikes. Default: ${DEFAULT-VALUE}.")
  long seed;

  /**
   * The name of the graph's one Input node.
   *
   * @throws InvalidInputException when the graph has several
   */
  static String singleInput(NetworkGraph graph, Path file) {
    List<String> inputs = graph.inputNames();
    if (inputs.size() != 1) {
      throw new InvalidInputException(
          file
              + " has "
              + inputs.size()
              + " Input nodes "
              + inputs
              + "; this command feeds graphs with exactly one");
    }
    return inputs.get(0);
  }

  /** The stimulus for an Input of {@code width} values. */
  Stimulus stimulus(int width) throws IOException {
    if (steps != null && (steps < 1 || steps > MAX_STEPS)) {
      throw new InvalidInputException("--steps " + steps + ": expected 1 to " + MAX_STEPS);
    }
    if ((input == null) == (inputRate == null)) {
      throw new InvalidInputException("give exactly one of --input CSV and --input-rate P");
    }
    if (inputRate != null) {
      if (!(inputRate >= 0 && inputRate <= 1)) {
        throw new InvalidInputException(
            "--input-rate " + inputRate + ": expected a probability in [0, 1]");
      }
      int length = steps == null ? 100 : steps;
      RecordedCells.check(0, width, 1, length);
      return Stimulus.bernoulli(width, length, inputRate, seed);
    }
    return fromCsv(width);
  }

  private Stimulus fromCsv(int width) throws IOException {
    if (columns != null && columns.size() != width) {
      throw new InvalidInputException(
          "--columns names "
              + columns.size()
              + " columns but the graph's Input takes "
              + width
              + " values");
    }
    try {
      return new StimulusCsv(columns, steps == null ? MAX_STEPS : steps, steps != null)
          .read(input, width);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--input " + e.getMessage(), e);
    }
  }
}
