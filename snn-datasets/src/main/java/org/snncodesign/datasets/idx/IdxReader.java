package org.snncodesign.datasets.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.DataFormatException;
import org.snncodesign.datasets.io.BinarySource;

/**
 * Reader of the IDX format of MNIST and Fashion-MNIST (LeCun et al., "THE MNIST DATABASE of
 * handwritten digits"): a big-endian header {@code 00 00 type rank}, then {@code rank} 32-bit
 * dimension sizes, then the values. Images are type {@code 0x08} (unsigned byte), rank 3 (magic
 * {@code 0x00000803}); labels rank 1 ({@code 0x00000801}). Plain and gzip files are read as a
 * stream through a 64 KiB buffer.
 *
 * <p>Hardening: the magic number, type and rank are checked; dimension sizes must be non-negative
 * and their product must fit in an array (checked in {@code long} arithmetic); a plain file must
 * hold exactly the bytes its header declares; a gzip file may not claim more than deflate can
 * expand to, and its arrays grow only as real data arrives, so a forged header cannot exhaust
 * memory.
 */
public final class IdxReader {
  /** Magic number of an unsigned-byte rank-3 file (images). */
  public static final int IMAGES_MAGIC = 0x0000_0803;

  /** Magic number of an unsigned-byte rank-1 file (labels). */
  public static final int LABELS_MAGIC = 0x0000_0801;

  private static final int TYPE_UNSIGNED_BYTE = 0x08;
  private static final int CHUNK = 1 << 16;
  // Largest Java array length that every JVM accepts.
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /** Reads an images file (plain or gzip). */
  public static IdxImages readImages(Path file) throws IOException {
    try (BinarySource in = BinarySource.open(file)) {
      return readImages(in);
    }
  }

  /** Reads an images file from {@code in}. */
  public static IdxImages readImages(BinarySource in) throws IOException {
    int[] dims = readHeader(in, 3, IMAGES_MAGIC, "images");
    if (dims[1] == 0 || dims[2] == 0) {
      throw in.error(8, "image rows and columns > 0, got " + dims[1] + " x " + dims[2]);
    }
    long total = checkedPayload(in, dims);
    float[] pixels = readUnsignedBytes(in, total, "pixel bytes");
    expectEnd(in, total);
    return new IdxImages(in.name(), dims[0], dims[1], dims[2], pixels);
  }

  /** Reads a labels file (plain or gzip): one unsigned byte per sample. */
  public static int[] readLabels(Path file) throws IOException {
    try (BinarySource in = BinarySource.open(file)) {
      return readLabels(in);
    }
  }

  /** Reads a labels file from {@code in}. */
  public static int[] readLabels(BinarySource in) throws IOException {
    int[] dims = readHeader(in, 1, LABELS_MAGIC, "labels");
    long total = checkedPayload(in, dims);
    float[] values = readUnsignedBytes(in, total, "label bytes");
    expectEnd(in, total);
    int[] labels = new int[values.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) values[i];
    }
    return labels;
  }

  /**
   * Loads an images file and its labels file as a data set of shape {@code [rows, columns]} with
   * values 0..255 and classes {@code 0..max label}.
   *
   * @param imagesFile e.g. {@code train-images-idx3-ubyte.gz}; the labels are looked up by {@link
   *     #labelsFileFor}
   */
  public static LabeledDataset load(Path imagesFile) throws IOException {
    Path labelsFile = labelsFileFor(imagesFile);
    IdxImages images = readImages(imagesFile);
    int[] labels = readLabels(labelsFile);
    if (labels.length != images.count()) {
      throw new DataFormatException(
          labelsFile.toString(),
          4,
          "as many labels as "
              + imagesFile
              + " has images ("
              + images.count()
              + "), got "
              + labels.length);
    }
    int max = -1;
    for (int label : labels) {
      max = Math.max(max, label);
    }
    List<String> classNames = new ArrayList<>(max + 1);
    for (int c = 0; c <= max; c++) {
      classNames.add(Integer.toString(c));
    }
    return new LabeledDataset(
        imagesFile.toString(),
        new int[] {images.rows(), images.columns()},
        images.pixels(),
        labels,
        classNames);
  }

  /**
   * The labels file of an images file by the usual naming: {@code X-images-idx3-ubyte[.gz]} or
   * {@code X-images.idx3-ubyte} becomes {@code X-labels-idx1-ubyte[.gz]}, with or without {@code
   * .gz}.
   *
   * @throws DataFormatException when no such file exists
   */
  public static Path labelsFileFor(Path imagesFile) {
    Path fileName = imagesFile.getFileName();
    String name = fileName == null ? "" : fileName.toString();
    int at = name.lastIndexOf("images");
    if (at < 0 || !name.contains("idx3")) {
      throw new DataFormatException(
          imagesFile.toString(),
          -1,
          "an images file named like '<set>-images-idx3-ubyte[.gz]' so that its labels file can be found");
    }
    String labels =
        name.substring(0, at)
            + "labels"
            + name.substring(at + "images".length()).replace("idx3", "idx1");
    String stem = labels.endsWith(".gz") ? labels.substring(0, labels.length() - 3) : labels;
    List<String> candidates = List.of(labels, stem, stem + ".gz");
    for (String candidate : candidates) {
      Path path = imagesFile.resolveSibling(candidate);
      if (Files.isRegularFile(path)) {
        return path;
      }
    }
    throw new DataFormatException(
        imagesFile.toString(),
        -1,
        "a labels file next to it, one of " + candidates + ", but none exists");
  }

  private static int[] readHeader(BinarySource in, int rank, int magic, String kind)
      throws IOException {
    int found = in.i32be("the IDX magic number");
    if (found != magic) {
      throw in.error(
          0,
          String.format(
              "IDX magic number 0x%08x (%s: unsigned bytes, rank %d), got 0x%08x%s",
              magic, kind, rank, found, describeMagic(found)));
    }
    int[] dims = new int[rank];
    for (int d = 0; d < rank; d++) {
      long at = in.offset();
      dims[d] = in.i32be("the size of dimension " + d);
      if (dims[d] < 0) {
        throw in.error(
            at,
            "size of dimension " + d + " in [0, 2^31), got " + Integer.toUnsignedString(dims[d]));
      }
    }
    return dims;
  }

  private static String describeMagic(int found) {
    if ((found >>> 16) != 0) {
      return " (not an IDX file: the first two bytes must be zero)";
    }
    int type = (found >>> 8) & 0xff;
    int rank = found & 0xff;
    return type != TYPE_UNSIGNED_BYTE
        ? String.format(" (data type 0x%02x; only 0x08, unsigned byte, is supported)", type)
        : " (rank " + rank + ")";
  }

  private static long checkedPayload(BinarySource in, int[] dims) {
    long total = 1;
    for (int dim : dims) {
      total *=
          dim; // each factor < 2^31 and we stop once past the array limit, so this cannot overflow
      // a long
      if (total > MAX_ARRAY) {
        throw in.error(
            4,
            "dimensions "
                + Arrays.toString(dims)
                + " whose product fits in an array (<= "
                + MAX_ARRAY
                + " values); it overflows");
      }
    }
    long remaining = in.remaining();
    if (remaining >= 0 && remaining != total) {
      throw in.error(
          remaining < total
              ? "the "
                  + total
                  + " value bytes that the header "
                  + Arrays.toString(dims)
                  + " declares, but the file holds "
                  + remaining
                  + " (truncated)"
              : "the "
                  + total
                  + " value bytes that the header "
                  + Arrays.toString(dims)
                  + " declares, but the file holds "
                  + remaining
                  + " ("
                  + (remaining - total)
                  + " trailing bytes)");
    }
    if (remaining < 0 && total > in.remainingBound()) {
      throw in.error(
          "at most "
              + in.remainingBound()
              + " bytes, all that "
              + in.storedSize()
              + " gzip bytes can expand to, but the header "
              + Arrays.toString(dims)
              + " declares "
              + total);
    }
    return total;
  }

  private static float[] readUnsignedBytes(BinarySource in, long total, String what)
      throws IOException {
    // Plain files are checked exactly above; gzip arrays start at a size the compressed data can
    // plausibly
    // fill and double as real bytes arrive.
    long initial =
        in.remaining() >= 0
            ? total
            : Math.min(
                total, in.storedSize() >= 0 ? Math.max(1 << 20, in.storedSize() * 8) : 1 << 16);
    float[] values = new float[(int) initial];
    byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, total))];
    long start = in.offset();
    int done = 0;
    while (done < total) {
      int n = in.read(chunk, 0, (int) Math.min(chunk.length, total - done));
      if (n == 0) {
        throw in.error(
            start + done,
            "the "
                + total
                + " "
                + what
                + " that the header declares, but the file ends after "
                + done);
      }
      if (done + n > values.length) {
        values =
            Arrays.copyOf(
                values, (int) Math.min(total, Math.max(done + (long) n, 2L * values.length)));
      }
      for (int i = 0; i < n; i++) {
        values[done + i] = chunk[i] & 0xff;
      }
      done += n;
    }
    return values;
  }

  private static void expectEnd(BinarySource in, long total) throws IOException {
    if (!in.atEnd()) {
      throw in.error(
          "the end of the file after the "
              + total
              + " declared value bytes, but more bytes follow");
    }
  }
}
