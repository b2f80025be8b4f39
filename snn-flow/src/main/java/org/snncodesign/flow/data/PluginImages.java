package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.datasets.split.DatasetSplit;

/**
 * A data-set plugin's samples as images: its test part when the files keep one apart, else the same
 * seeded split as {@link TrainingData#plugin}, scaled the same way (by the training part's range).
 * A sample of shape {@code [C, H, W]} is a {@code C x H x W} image, {@code [H, W]} one channel, a
 * flat sample of {@code n} values a {@code 1 x 1 x n} image.
 *
 * @param name the data set's name in reports (the file's name)
 * @param trainPart the training images
 * @param testPart the test images
 * @param sha256 SHA-256 of the file or folder read and its test part ({@link
 *     DatasetHash#ofPluginData})
 */
public record PluginImages(
    String name, LabeledImages trainPart, LabeledImages testPart, String sha256)
    implements ImageSet {

  /**
   * The file or folder {@code path} read by data-set plugin {@code format}.
   *
   * @throws InvalidInputException as {@link DatasetLocator#named} does, or when a sample has more
   *     than three dimensions
   */
  public static PluginImages load(DatasetLocator locator, String format, Path path, long seed)
      throws IOException {
    DatasetLocator.Parts parts =
        locator.named(
            format,
            path,
            String.join(", ", IdxDataset.KNOWN) + ", " + IdxDataset.USER_NAMED + "NAME");
    DatasetSplit split = parts.scaledSplit(TrainingData.TRAIN_FRACTION, seed);
    TensorShape shape = shapeOf(split.train(), path);
    return new PluginImages(
        parts.train().name(),
        images(split.train(), shape),
        images(split.test(), shape),
        DatasetHash.ofPluginData(path));
  }

  /**
   * The SHA-256 of the files: two files of one name (a {@code train.csv} in two folders) are
   * different data.
   */
  @Override
  public String cacheKey() {
    return sha256;
  }

  @Override
  public LabeledImages train(int limit) {
    return trainPart.head(limit);
  }

  @Override
  public LabeledImages test(int limit) {
    return testPart.head(limit);
  }

  private static TensorShape shapeOf(LabeledDataset data, Path path) {
    int[] s = data.shape();
    return switch (s.length) {
      case 1 -> new TensorShape(1, 1, s[0]);
      case 2 -> new TensorShape(1, s[0], s[1]);
      case 3 -> new TensorShape(s[0], s[1], s[2]);
      default ->
          throw new InvalidInputException(
              path
                  + ": samples of "
                  + s.length
                  + " dimensions; a conversion reads images of at most 3 (C x H x W)");
    };
  }

  private static LabeledImages images(LabeledDataset data, TensorShape shape) {
    return new LabeledImages(shape, data.features(), data.labels(), data.classes());
  }
}
