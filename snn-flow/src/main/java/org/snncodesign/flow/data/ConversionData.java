package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.datasets.idx.IdxImages;
import org.snncodesign.datasets.idx.IdxReader;

/** Loads an IDX image set (MNIST layout) as {@link LabeledImages} with pixels scaled to [0, 1]. */
public final class ConversionData {
  private ConversionData() {}

  public static LabeledImages load(Path dir, String prefix, int limit) throws IOException {
    Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
    if (!Files.exists(images)) {
      images = dir.resolve(prefix + "-images-idx3-ubyte");
    }
    if (!Files.exists(images)) {
      throw new InvalidInputException("no " + prefix + " images in " + dir + " (expected " + prefix
          + "-images-idx3-ubyte[.gz])");
    }
    IdxImages raw = IdxReader.readImages(images);
    int[] labels = IdxReader.readLabels(IdxReader.labelsFileFor(images));
    if (labels.length != raw.count()) {
      throw new InvalidInputException(images + ": " + raw.count() + " images but " + labels.length + " labels");
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
    return new LabeledImages(new TensorShape(1, raw.rows(), raw.columns()), pixels,
        java.util.Arrays.copyOf(labels, n), Math.max(classes, 10));
  }
}
