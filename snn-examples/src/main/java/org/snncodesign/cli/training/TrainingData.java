package org.snncodesign.cli.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.digits.EmbeddedDigits;
import org.snncodesign.datasets.idx.IdxReader;

/**
 * A train / test split with features scaled to [0, 1], ready for the trainer.
 *
 * @param name data set name
 * @param inputs values per sample
 * @param classes number of classes
 * @param trainFeatures row-major training samples
 * @param trainLabels training labels
 * @param testFeatures row-major test samples
 * @param testLabels test labels
 */
record TrainingData(String name, int inputs, int classes, float[] trainFeatures, int[] trainLabels,
    float[] testFeatures, int[] testLabels) {

  /** The embedded UCI digits (8x8, 0..16), split 80/20 after a seeded shuffle. */
  static TrainingData digits(long seed) {
    LabeledDataset all = EmbeddedDigits.load();
    int n = all.samples();
    int inputs = all.sampleSize();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int trainCount = n * 4 / 5;
    float[] trainX = new float[trainCount * inputs];
    int[] trainY = new int[trainCount];
    float[] testX = new float[(n - trainCount) * inputs];
    int[] testY = new int[n - trainCount];
    float scale = 1f / EmbeddedDigits.MAX_VALUE;
    for (int p = 0; p < n; p++) {
      int s = order[p];
      boolean train = p < trainCount;
      float[] target = train ? trainX : testX;
      int row = train ? p : p - trainCount;
      for (int i = 0; i < inputs; i++) {
        target[row * inputs + i] = all.features()[s * inputs + i] * scale;
      }
      (train ? trainY : testY)[row] = all.labels()[s];
    }
    return new TrainingData("digits", inputs, all.classes(), trainX, trainY, testX, testY);
  }

  /** MNIST from the four IDX files (gzip or not) in {@code dir}, pixels divided by 255. */
  static TrainingData mnist(Path dir) throws IOException {
    LabeledDataset train = IdxReader.load(find(dir, "train-images-idx3-ubyte"));
    LabeledDataset test = IdxReader.load(find(dir, "t10k-images-idx3-ubyte"));
    return new TrainingData("mnist", train.sampleSize(), Math.max(train.classes(), test.classes()),
        scaled(train.features()), train.labels(), scaled(test.features()), test.labels());
  }

  /** The first {@code train} training and {@code test} test samples (for quick runs). */
  TrainingData limit(int train, int test) {
    int tr = Math.min(train, trainLabels.length);
    int te = Math.min(test, testLabels.length);
    return new TrainingData(name, inputs, classes, Arrays.copyOf(trainFeatures, tr * inputs),
        Arrays.copyOf(trainLabels, tr), Arrays.copyOf(testFeatures, te * inputs), Arrays.copyOf(testLabels, te));
  }

  private static Path find(Path dir, String base) {
    for (String name : new String[] {base + ".gz", base}) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new InvalidInputException("no " + base + "[.gz] in " + dir.toAbsolutePath()
        + " (give the MNIST folder with --data-dir)");
  }

  private static float[] scaled(float[] pixels) {
    float[] out = new float[pixels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = pixels[i] / 255f;
    }
    return out;
  }
}
