package org.snncodesign.datasets.digits;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * The data set inside this jar, so that examples run on a machine with no download: the UCI
 * "Optical Recognition of Handwritten Digits" test part, 1,797 grey 8x8 images of the digits 0-9
 * with pixel values 0..16 (the counts of set pixels in 4x4 blocks of a 32x32 bitmap).
 *
 * <p>Source: E. Alpaydin and C. Kaynak (1998), UCI Machine Learning Repository,
 * doi:10.24432/C50P49, licensed CC BY 4.0; the text {@code CITATION.txt} next to the data in the
 * jar gives the full citation.
 */
public final class EmbeddedDigits {
  /** Samples in the embedded set. */
  public static final int SAMPLES = 1797;

  /** Resource holding the data, gzip-compressed CSV. */
  public static final String RESOURCE = "/org/snncodesign/datasets/digits/digits.csv.gz";

  /** Resource holding the citation and licence. */
  public static final String CITATION_RESOURCE = "/org/snncodesign/datasets/digits/CITATION.txt";

  /** Largest pixel value; divide by it to normalise to [0, 1]. */
  public static final int MAX_VALUE = DigitsFormat.MAX_VALUE;

  private static volatile LabeledDataset cached;

  private EmbeddedDigits() {}

  /**
   * The 1,797 samples, shape {@code [8, 8]}, values 0..16, 10 classes, in file order. The result is
   * shared (the record's arrays are the caller's to read, not to write).
   *
   * @throws UncheckedIOException if the resource cannot be read (a broken jar)
   */
  public static LabeledDataset load() {
    LabeledDataset result = cached;
    if (result == null) {
      synchronized (EmbeddedDigits.class) {
        result = cached;
        if (result == null) {
          result = read();
          cached = result;
        }
      }
    }
    return result;
  }

  /** The citation and licence text shipped with the data. */
  public static String citation() {
    try (InputStream in = EmbeddedDigits.class.getResourceAsStream(CITATION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + CITATION_RESOURCE + " missing from the snn-datasets jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CITATION_RESOURCE, e);
    }
  }

  private static LabeledDataset read() {
    InputStream raw = EmbeddedDigits.class.getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException(
          "resource " + RESOURCE + " missing from the snn-datasets jar");
    }
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(raw), 1 << 16)) {
      LabeledDataset parsed = DigitsFormat.parse(in, "embedded:digits");
      if (parsed.samples() != SAMPLES) {
        throw new IllegalStateException(
            "embedded digits hold " + parsed.samples() + " samples, expected " + SAMPLES);
      }
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded digits " + RESOURCE, e);
    }
  }
}
