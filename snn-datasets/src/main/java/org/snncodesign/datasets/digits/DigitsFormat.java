package org.snncodesign.datasets.digits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.DataFormatException;

/**
 * Parser of the UCI optical-digits layout: one sample a line, 64 integers in {@code [0, 16]} (an
 * 8x8 image, row-major) and the class {@code [0, 9]} last, comma-separated. Blank lines are
 * skipped; anything else that breaks the layout fails with the line and column.
 */
final class DigitsFormat {
  static final int SIDE = 8;
  static final int PIXELS = SIDE * SIDE;
  static final int MAX_VALUE = 16;
  static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  private DigitsFormat() {}

  static LabeledDataset parse(InputStream in, String source) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    float[] features = new float[PIXELS * 2048];
    int[] labels = new int[2048];
    int samples = 0;
    long lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (samples == labels.length) {
        labels = java.util.Arrays.copyOf(labels, labels.length * 2);
        features = java.util.Arrays.copyOf(features, features.length * 2);
      }
      int field = 0;
      int start = 0;
      int base = samples * PIXELS;
      for (int i = 0; i <= line.length(); i++) {
        if (i < line.length() && line.charAt(i) != ',') {
          continue;
        }
        if (field > PIXELS) {
          throw DataFormatException.atLine(
              source,
              lineNumber,
              i + 1,
              "65 comma-separated fields (64 pixels and the label), but the line has more");
        }
        int value = parseSmallInt(line, start, i, source, lineNumber, field);
        if (field < PIXELS) {
          if (value > MAX_VALUE) {
            throw DataFormatException.atLine(
                source, lineNumber, start + 1, "a pixel value in [0, 16], got " + value);
          }
          features[base + field] = value;
        } else {
          if (value > 9) {
            throw DataFormatException.atLine(
                source, lineNumber, start + 1, "a class label in [0, 9], got " + value);
          }
          labels[samples] = value;
        }
        field++;
        start = i + 1;
      }
      if (field != PIXELS + 1) {
        throw DataFormatException.atLine(
            source,
            lineNumber,
            0,
            "65 comma-separated fields (64 pixels and the label), got " + field);
      }
      samples++;
    }
    if (samples == 0) {
      throw DataFormatException.atLine(
          source, lineNumber, 0, "at least one sample line, found none");
    }
    return new LabeledDataset(
        source,
        new int[] {SIDE, SIDE},
        java.util.Arrays.copyOf(features, samples * PIXELS),
        java.util.Arrays.copyOf(labels, samples),
        CLASS_NAMES);
  }

  private static int parseSmallInt(
      String line, int from, int to, String source, long lineNumber, int field) {
    int begin = from;
    int end = to;
    while (begin < end && line.charAt(begin) == ' ') {
      begin++;
    }
    while (end > begin && line.charAt(end - 1) == ' ') {
      end--;
    }
    if (begin == end || end - begin > 3) {
      throw DataFormatException.atLine(
          source,
          lineNumber,
          from + 1,
          "field "
              + (field + 1)
              + " to be a small non-negative integer, got '"
              + line.substring(from, to)
              + "'");
    }
    int value = 0;
    for (int i = begin; i < end; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw DataFormatException.atLine(
            source,
            lineNumber,
            i + 1,
            "field "
                + (field + 1)
                + " to be a non-negative integer, got '"
                + line.substring(from, to)
                + "'");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
