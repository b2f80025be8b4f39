package org.snncodesign.cli.nir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.graph.Stimulus;
import picocli.CommandLine.Option;

/**
 * What a simulated graph's Input receives: the rows of a CSV file (one row per step, one column per input; 0/1
 * values are spikes, others analog values), or seeded random spikes at a given rate.
 */
public final class GraphStimulusOptions {
  /** Most steps a run may take: bounds the arrays before they are allocated. */
  static final int MAX_STEPS = 10_000_000;
  /** Most (step, neuron) cells a run may record, input and neurons together: 2^33 bits, 1 GiB of spike rasters. */
  static final long MAX_CELLS = 1L << 33;

  @Option(names = "--input", paramLabel = "CSV",
      description = "Input per step: one row per time step, one column per input (a header row is skipped).")
  Path input;

  @Option(names = "--columns", split = ",", paramLabel = "INDEX",
      description = "Columns of --input to use, 0-based (default: all), e.g. --columns 0.")
  List<Integer> columns;

  @Option(names = "--input-rate", paramLabel = "P",
      description = "Instead of --input: random spikes, each input spiking with probability P per step.")
  Double inputRate;

  @Option(names = "--steps", description = "Time steps (default: the rows of --input; 100 with --input-rate).")
  Integer steps;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the random spikes. Default: ${DEFAULT-VALUE}.")
  long seed;

  /**
   * The name of the graph's one Input node.
   *
   * @throws InvalidInputException when the graph has several
   */
  static String singleInput(NetworkGraph graph, Path file) {
    List<String> inputs = graph.inputNames();
    if (inputs.size() != 1) {
      throw new InvalidInputException(file + " has " + inputs.size() + " Input nodes " + inputs
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
        throw new InvalidInputException("--input-rate " + inputRate + ": expected a probability in [0, 1]");
      }
      int length = steps == null ? 100 : steps;
      checkCells(width, length);
      return Stimulus.bernoulli(width, length, inputRate, seed);
    }
    return fromCsv(width);
  }

  /**
   * Refuses a run whose recorded spikes would not fit in memory, before anything is allocated.
   *
   * @param neurons the neurons recorded per step (the Input's and the graph's)
   */
  public static void checkCells(long neurons, int steps) {
    if (neurons * steps > MAX_CELLS) {
      throw new InvalidInputException("--steps " + steps + " x " + neurons + " neurons is more than " + MAX_CELLS
          + " recorded (step, neuron) cells; give fewer --steps");
    }
  }

  private Stimulus fromCsv(int width) throws IOException {
    List<float[]> rows = new ArrayList<>();
    boolean binary = true;
    try (BufferedReader reader = Files.newBufferedReader(input)) {
      String line;
      int lineNumber = 0;
      int limit = steps == null ? MAX_STEPS : steps;
      while ((line = reader.readLine()) != null && rows.size() < limit) {
        lineNumber++;
        if (line.isBlank() || (lineNumber == 1 && !Character.isDigit(firstNonSpace(line)))) {
          continue;
        }
        float[] row = select(parse(line, lineNumber), lineNumber, width);
        for (float v : row) {
          binary &= v == 0f || v == 1f;
        }
        rows.add(row);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("--input " + input + ": no such file");
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("--input " + input + ": no rows of numbers");
    }
    if (steps != null && rows.size() < steps) {
      throw new InvalidInputException("--input " + input + " has " + rows.size() + " rows but --steps is " + steps);
    }
    if (!binary) {
      return Stimulus.values(rows.toArray(new float[0][]));
    }
    SpikeRaster raster = new SpikeRaster(rows.size(), width);
    for (int t = 0; t < rows.size(); t++) {
      for (int i = 0; i < width; i++) {
        if (rows.get(t)[i] == 1f) {
          raster.set(t, i);
        }
      }
    }
    return Stimulus.spikes(raster);
  }

  private static char firstNonSpace(String line) {
    String trimmed = line.strip();
    char c = trimmed.charAt(0);
    return c == '-' || c == '+' || c == '.' ? '0' : c;
  }

  private float[] parse(String line, int lineNumber) {
    String[] cells = line.split(",");
    float[] values = new float[cells.length];
    for (int i = 0; i < cells.length; i++) {
      try {
        values[i] = Float.parseFloat(cells[i].strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("--input " + input + " line " + lineNumber + " column " + i + ": '"
            + cells[i].strip() + "' is not a number");
      }
      if (!Float.isFinite(values[i])) {
        throw new InvalidInputException("--input " + input + " line " + lineNumber + " column " + i + ": "
            + cells[i].strip() + " is not finite");
      }
    }
    return values;
  }

  private float[] select(float[] row, int lineNumber, int width) {
    if (columns == null) {
      if (row.length != width) {
        throw new InvalidInputException("--input " + input + " line " + lineNumber + " has " + row.length
            + " columns but the graph's Input takes " + width + " values; pick them with --columns");
      }
      return row;
    }
    if (columns.size() != width) {
      throw new InvalidInputException("--columns names " + columns.size() + " columns but the graph's Input takes "
          + width + " values");
    }
    float[] picked = new float[width];
    for (int i = 0; i < width; i++) {
      int c = columns.get(i);
      if (c < 0 || c >= row.length) {
        throw new InvalidInputException("--columns " + c + ": line " + lineNumber + " of " + input + " has "
            + row.length + " columns");
      }
      picked[i] = row[c];
    }
    return picked;
  }
}
