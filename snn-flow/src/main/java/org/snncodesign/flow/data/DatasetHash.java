package org.snncodesign.flow.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 that reports give as {@code dataset_sha256}, so that a figure can be traced to the
 * exact data (and a cached model to the data it was trained on), in lower-case hex:
 *
 * <ul>
 *   <li>an IDX folder ({@link IdxDataset#sha256()}): its four files' bytes as stored, in the order
 *       train images, train labels, t10k images, t10k labels;
 *   <li>a data-set plugin's file ({@link #ofPluginData}): the file's bytes, then those of its test
 *       part when one is stored beside it ({@link DatasetLocator#locateParts}); a folder stands for
 *       its regular files in the order of their paths relative to it, each as that path (with
 *       {@code /}) in UTF-8, a zero byte and the file's bytes, since a plugin may take labels from
 *       file names. Files a plugin opens beside the one it was given (the IDX plugin's labels) are
 *       not in it;
 *   <li>the embedded digits: none (null), they are part of the jar.
 * </ul>
 */
public final class DatasetHash {
  private DatasetHash() {}

  /**
   * The hash of the data {@link TrainingData#load} and {@link ImageSet#of} read for {@code dataset}
   * in {@code dataDir}: an IDX folder's, a data-set plugin's path's, null for the embedded digits
   * or when no path is given.
   *
   * @throws IOException when the files cannot be read
   * @throws org.snncodesign.api.InvalidInputException when an IDX folder lacks one of its files
   */
  public static String of(String dataset, Path dataDir) throws IOException {
    if (IdxDataset.names(dataset)) {
      return IdxDataset.of(dataset, dataDir).sha256();
    }
    if (dataset.equalsIgnoreCase("digits") || dataDir == null) {
      return null;
    }
    return ofPluginData(dataDir);
  }

  /**
   * The hash of the file or folder {@code path} a data-set plugin reads, and of its test part when
   * there is one.
   *
   * @throws IOException when a file cannot be read
   */
  public static String ofPluginData(Path path) throws IOException {
    MessageDigest digest = sha256();
    List<Path> parts = new ArrayList<>(List.of(path));
    DatasetLocator.testPartOf(path).ifPresent(parts::add);
    for (Path part : parts) {
      if (!Files.isDirectory(part)) {
        update(digest, part);
        continue;
      }
      List<String> files;
      try (Stream<Path> walk = Files.walk(part)) {
        // Sorted as '/'-separated strings, so that the order is the same on every platform.
        files =
            walk.filter(Files::isRegularFile)
                .map(file -> slashed(part.relativize(file)))
                .sorted()
                .toList();
      }
      for (String file : files) {
        digest.update(file.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        update(digest, part.resolve(file));
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hash of {@code files}' bytes as one stream, in order. */
  static String ofFiles(List<Path> files) throws IOException {
    MessageDigest digest = sha256();
    for (Path file : files) {
      update(digest, file);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String slashed(Path relative) {
    List<String> names = new ArrayList<>();
    relative.forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
