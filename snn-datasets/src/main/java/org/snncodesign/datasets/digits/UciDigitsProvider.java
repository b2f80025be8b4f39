package org.snncodesign.datasets.digits;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.AbstractDatasetProvider;
import org.snncodesign.datasets.DataFormatException;

/**
 * Plugin {@code uci-digits}: the UCI optical digits, embedded in the jar ({@link EmbeddedDigits})
 * or read from a user's file in the same layout (65 integers a line, label last; plain or gzip).
 */
public final class UciDigitsProvider extends AbstractDatasetProvider {

  public UciDigitsProvider() {
    super(
        "uci-digits",
        "UCI optical handwritten digits, 8x8, 1,797 samples embedded (Alpaydin & Kaynak 1998, CC BY 4.0)");
  }

  /**
   * Files named like the UCI/scikit-learn copy: {@code digits*.csv[.gz]} or {@code
   * optdigits*.tes|.tra}.
   */
  @Override
  protected boolean acceptsFileName(String fileName) {
    String name = fileName.toLowerCase(java.util.Locale.ROOT);
    return (name.startsWith("digits") && hasExtension(name, ".csv", ".csv.gz"))
        || (name.startsWith("optdigits") && hasExtension(name, ".tes", ".tra"));
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = raw;
      if (b0 == 0x1f && b1 == 0x8b) {
        try {
          in = new GZIPInputStream(raw, 1 << 16);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
          throw new DataFormatException(
              path.toString(), 0, "a readable gzip header: " + e.getMessage(), e);
        }
      }
      try {
        return DigitsFormat.parse(in, path.toString());
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        throw new DataFormatException(
            path.toString(), -1, "readable gzip data: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<LabeledDataset> embedded() {
    return Optional.of(EmbeddedDigits.load());
  }
}
