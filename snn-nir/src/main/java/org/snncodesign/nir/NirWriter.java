package org.snncodesign.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.io.AtomicFile;

/**
 * Writes {@link NetworkGraph}s as {@code .nir} files (HDF5) that the reference package's {@code
 * nir.read} loads with the same node types, shapes and parameters, and that {@link NirReader} reads
 * back equal to the graph (node order, float32/float64 precision and metadata included). The file
 * states NIR version {@value NirFormat#VERSION}.
 *
 * <p>The file is written beside its destination under a temporary name and moved into place when
 * complete, so that a reader never sees half a file and a failed write leaves any previous file
 * untouched.
 *
 * <p>Stateless; may be shared between threads.
 */
public final class NirWriter {
  /** The NIR version written into every file. */
  public static final String NIR_VERSION = NirFormat.VERSION;

  /**
   * Writes {@code graph} to {@code file}, replacing it if it exists and creating its folder if
   * needed.
   *
   * @throws org.snncodesign.api.graph.InvalidGraphException when the graph has no NIR form (no
   *     edges at all, a metadata key containing '/')
   * @throws IOException when the file cannot be written
   */
  public void write(NetworkGraph graph, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new IOException(file + " is a folder; expected the path of a .nir file to write");
    }
    AtomicFile.write(
        target,
        temporary -> {
          writeHdf(graph, temporary);
          try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
          }
        });
  }

  private static void writeHdf(NetworkGraph graph, Path path) throws IOException {
    try (WritableHdfFile hdf = HdfFile.write(path)) {
      hdf.putDataset(NirFormat.VERSION_DATASET, NirFormat.VERSION);
      GraphEncoder.encode(graph, hdf.putGroup(NirFormat.ROOT_NODE));
    } catch (HdfException e) {
      throw new IOException("cannot write NIR file " + path + ": " + e.getMessage(), e);
    }
  }
}
