package com.example.snn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * A sample third-party data-set plugin, written against {@code snn-api} only: files in the sparse
 * text format of LIBSVM ({@code .svm} or {@code .libsvm}), one sample a line, {@code LABEL
 * INDEX:VALUE ...} with 1-based feature indices; absent features are 0. Every command that takes a
 * data set reads it by plugin name: {@code snn train --data a-train.svm} (and {@code a-test.svm}
 * beside it is the test part), {@code snn lsm --data a.svm --format example-libsvm}.
 */
public final class LibSvmDataset implements DatasetProvider {
  /** Bounds checked before the dense samples are allocated. */
  private static final int MAX_FEATURES = 1 << 16;

  private static final long MAX_VALUES = 1L << 28;

  @Override
  public String name() {
    return "example-libsvm";
  }

  @Override
  public String description() {
    return "sample plugin: LIBSVM sparse text files (.svm, .libsvm)";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  @Override
  public boolean accepts(Path path) {
    String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
    return Files.isRegularFile(path) && (name.endsWith(".svm") || name.endsWith(".libsvm"));
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    List<String> labels = new ArrayList<>();
    List<int[]> indices = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    int features = 0;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        String[] tokens = line.trim().split("\\s+");
        if (tokens[0].isEmpty() || tokens[0].startsWith("#")) {
          continue;
        }
        int[] index = new int[tokens.length - 1];
        float[] value = new float[tokens.length - 1];
        for (int t = 1; t < tokens.length; t++) {
          String[] pair = tokens[t].split(":", 2);
          try {
            index[t - 1] = Integer.parseInt(pair[0]) - 1;
            value[t - 1] = Float.parseFloat(pair[1]);
          } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw bad(path, lineNumber, "'" + tokens[t] + "' is not INDEX:VALUE");
          }
          if (index[t - 1] < 0 || index[t - 1] >= MAX_FEATURES) {
            throw bad(path, lineNumber, "feature index outside 1.." + MAX_FEATURES);
          }
          if (!Float.isFinite(value[t - 1])) {
            throw bad(path, lineNumber, "value " + pair[1] + " is not finite");
          }
          features = Math.max(features, index[t - 1] + 1);
        }
        labels.add(tokens[0]);
        indices.add(index);
        values.add(value);
      }
    }
    if (labels.isEmpty() || features == 0) {
      throw new InvalidInputException(path + ": no samples with features");
    }
    if ((long) labels.size() * features > MAX_VALUES) {
      throw new InvalidInputException(
          path + ": " + labels.size() + " samples of " + features + " features is too large");
    }
    List<String> classes = new ArrayList<>(new TreeSet<>(labels));
    float[] dense = new float[labels.size() * features];
    int[] classOf = new int[labels.size()];
    for (int i = 0; i < classOf.length; i++) {
      classOf[i] = classes.indexOf(labels.get(i));
      for (int k = 0; k < indices.get(i).length; k++) {
        dense[i * features + indices.get(i)[k]] = values.get(i)[k];
      }
    }
    return new LabeledDataset(
        String.valueOf(path.getFileName()), new int[] {features}, dense, classOf, classes);
  }

  private static InvalidInputException bad(Path path, int line, String what) {
    return new InvalidInputException(path + ", line " + line + ": " + what);
  }
}
