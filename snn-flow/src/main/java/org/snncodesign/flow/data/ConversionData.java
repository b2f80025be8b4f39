package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.datasets.digits.EmbeddedDigits;
import org.snncodesign.datasets.idx.IdxImages;
import org.snncodesign.datasets.idx.IdxReader;

/**
 * Loads an IDX image set (MNIST layout), or the embedded digits, as {@link LabeledImages} with
 * pixels scaled to [0, 1].
 */
public final class ConversionData {
  private ConversionData() {}

  /**
   * Split {@code prefix} ({@code train} or {@code t10k}) of the MNIST files in {@code dir}; see
   * {@link #load(IdxDataset, String, int)}.
   */
  public static LabeledImages load(Path dir, String prefix, int limit) throws IOException {
    return load(new IdxDataset("mnist", dir), prefix, limit);
  }

  /**
   * The first {@code limit} images of split {@code prefix} ({@code train} or {@code t10k}) of
   * {@code data}, raw bytes divided by 255 (the pixel scale of {@link
   * org.snncodesign.api.dataset.InputNormalization#PIXELS}; a model's own normalisation is applied
   * by the model or folded into it).
   *
   * @throws InvalidInputException naming the file when it is missing or its labels do not match
   */
  public static LabeledImages load(IdxDataset data, String prefix, int limit) throws IOException {
    Path images = data.images(prefix);
    IdxImages raw = IdxReader.readImages(images);
    int[] labels = IdxReader.readLabels(data.labels(prefix));
    if (labels.length != raw.count()) {
      throw new InvalidInputException(
          images + ": " + raw.count() + " images but " + labels.length + " labels");
    }
    int n = Math.min(limit, raw.count());
    int size = raw.rows() * raw.columns();
    float[] pixels = new float[n * size];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = raw.pixels()[i] / 255f;
    }
    int classes = 0;
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
    }
    return new LabeledImages(
        new TensorShape(1, raw.rows(), raw.columns()),
        pixels,
        java.util.Arrays.copyOf(labels, n),
        Math.max(classes, 10));
  }

  /**
   * The embedded UCI digits (1,797 8x8 images, in their stored order) with pixels scaled to [0, 1].
   */
  public static LabeledImages digits() {
    LabeledDataset d = EmbeddedDigits.load();
    float[] pixels = d.features().clone();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] /= EmbeddedDigits.MAX_VALUE;
    }
    return new LabeledImages(new TensorShape(1, 8, 8), pixels, d.labels().clone(), 10);
  }
}
