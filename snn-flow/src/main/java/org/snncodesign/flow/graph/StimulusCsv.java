package org.snncodesign.flow.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.graph.Stimulus;

/**
 * A stimulus from a CSV file: one row per time step, one column per input (a header row is skipped,
 * blank lines too). Rows of only 0 and 1 are spikes; any other value makes the whole file analog
 * values. Memory grows with the rows read, never beyond {@code maxSteps} of them.
 *
 * @param columns the columns to take, 0-based, one per input; null for all (then each row must hold
 *     exactly {@code width} values)
 * @param maxSteps rows read at most; with {@code requireAll}, the file must hold that many
 * @param requireAll whether fewer rows than {@code maxSteps} is an error
 */
public record StimulusCsv(List<Integer> columns, int maxSteps, boolean requireAll) {
  public StimulusCsv {
    Checks.positive(maxSteps, "steps");
    columns = columns == null ? null : List.copyOf(columns);
  }

  /**
   * Reads {@code file} for an Input of {@code width} values.
   *
   * @throws InvalidInputException naming the file, line and column of a value that is not a finite
   *     number, or a row whose width does not fit
   */
  public Stimulus read(Path file, int width) throws IOException {
    Checks.positive(width, "input width");
    if (columns != null) {
      Checks.checkArgument(
          columns.size() == width,
          "%d columns named but the Input takes %d values",
          columns.size(),
          width);
    }
    List<float[]> rows = new ArrayList<>();
    boolean binary = true;
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null && rows.size() < maxSteps) {
        lineNumber++;
        if (line.isBlank() || (lineNumber == 1 && !startsLikeANumber(line))) {
          continue;
        }
        float[] row = select(parse(file, line, lineNumber), file, lineNumber, width);
        for (float v : row) {
          binary &= v == 0f || v == 1f;
        }
        rows.add(row);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file");
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(file + ": no rows of numbers");
    }
    if (requireAll && rows.size() < maxSteps) {
      throw new InvalidInputException(
          file + " has " + rows.size() + " rows but " + maxSteps + " steps were asked for");
    }
    return binary ? spikes(rows, width) : Stimulus.values(rows.toArray(new float[0][]));
  }

  private static Stimulus spikes(List<float[]> rows, int width) {
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

  private static boolean startsLikeANumber(String line) {
    char c = line.strip().charAt(0);
    return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
  }

  private static float[] parse(Path file, String line, int lineNumber) {
    String[] cells = line.split(",");
    float[] values = new float[cells.length];
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i].strip();
      try {
        values[i] = Float.parseFloat(cell);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            file + " line " + lineNumber + " column " + i + ": '" + cell + "' is not a number");
      }
      if (!Float.isFinite(values[i])) {
        throw new InvalidInputException(
            file + " line " + lineNumber + " column " + i + ": " + cell + " is not finite");
      }
    }
    return values;
  }

  private float[] select(float[] row, Path file, int lineNumber, int width) {
    if (columns == null) {
      if (row.length != width) {
        throw new InvalidInputException(
            file
                + " line "
                + lineNumber
                + " has "
                + row.length
                + " columns but the graph's Input takes "
                + width
                + " values; pick them with --columns");
      }
      return row;
    }
    float[] picked = new float[width];
    for (int i = 0; i < width; i++) {
      int c = columns.get(i);
      if (c < 0 || c >= row.length) {
        throw new InvalidInputException(
            "column "
                + c
                + " asked for, but line "
                + lineNumber
                + " of "
                + file
                + " has "
                + row.length
                + " columns");
      }
      picked[i] = row[c];
    }
    return picked;
  }
}
