package org.snncodesign.nir;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.snncodesign.api.Checks;
import org.snncodesign.api.graph.NetworkGraph;

/**
 * Reads {@code .nir} files (NIR graphs in HDF5, as the reference package and snnTorch, Norse,
 * Sinabs, Rockpool, Lava and SpikingJelly write them) into {@link NetworkGraph}s.
 *
 * <p>Every NIR node type is read, nested graphs become {@link
 * org.snncodesign.api.graph.SubgraphNode}s, and the graph's scalar metadata becomes its metadata
 * strings. Older files are accepted as the reference reader accepts them: no {@code v_reset}
 * (zeros), no convolution {@code input_shape}, {@code 'same'}/{@code 'valid'} padding, scalar
 * strides. Parameters keep their precision (float32 or float64).
 *
 * <p>A file that is not a readable NIR graph, whatever is wrong with it, gives one {@link
 * InvalidNirFileException} naming the file, the node, the field and what was expected. Dataset
 * sizes are checked against a limit on the number of values per file before anything is loaded, so
 * a forged size cannot exhaust memory.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class NirReader {
  /**
   * Values (weights, parameters, edge names) one file may hold by default: 2^27, 512 MiB as
   * float32.
   */
  public static final long DEFAULT_VALUE_LIMIT = 1L << 27;

  private final long valueLimit;

  /** A reader with {@link #DEFAULT_VALUE_LIMIT}. */
  public NirReader() {
    this(DEFAULT_VALUE_LIMIT);
  }

  private NirReader(long valueLimit) {
    this.valueLimit = valueLimit;
  }

  /** A reader that accepts files of up to {@code values} values in all. */
  public NirReader withValueLimit(long values) {
    Checks.checkArgument(values > 0, "value limit must be > 0, got %d", values);
    return new NirReader(values);
  }

  /**
   * The network graph in {@code file}.
   *
   * @throws InvalidNirFileException when the file is not a readable NIR graph (the message says
   *     where and why)
   * @throws IOException when the file cannot be read at all
   */
  public NetworkGraph read(Path file) throws IOException {
    return read(load(file), file.toString());
  }

  /**
   * The NIR version the file states (its root {@code version} string), if it states one.
   *
   * @throws InvalidNirFileException when the file is not HDF5 or the version is not a string
   * @throws IOException when the file cannot be read at all
   */
  public Optional<String> readVersion(Path file) throws IOException {
    return open(load(file), file.toString(), this::version);
  }

  /**
   * The version and a per-node summary of the graph in {@code file}.
   *
   * @throws InvalidNirFileException when the file is not a readable NIR graph
   * @throws IOException when the file cannot be read at all
   */
  public NirInfo info(Path file) throws IOException {
    return open(
        load(file),
        file.toString(),
        root -> NirInfo.of(version(root).orElse("unknown"), graph(root)));
  }

  /** The graph in {@code content}, a whole file's bytes; {@code source} names it in messages. */
  NetworkGraph read(byte[] content, String source) {
    return open(content, source, this::graph);
  }

  private <T> T open(byte[] content, String source, Function<NirGroup, T> reading) {
    HdfFile hdf = HdfGuard.call(() -> HdfFile.fromBytes(content), source, "the file header");
    try {
      NirGroup root = new NirGroup(hdf, NirLocation.graph(source, ""), new ReadBudget(valueLimit));
      return reading.apply(root);
    } finally {
      HdfGuard.call(
          () -> {
            hdf.close();
            return null;
          },
          source,
          "the file");
    }
  }

  private Optional<String> version(NirGroup root) {
    return root.optionalDataset(NirFormat.VERSION_DATASET).map(NirDataset::string);
  }

  private NetworkGraph graph(NirGroup root) {
    NirLocation where = NirLocation.graph(root.where().file(), "").ofType(NirFormat.GRAPH_TYPE);
    NirGroup graph = root.group(NirFormat.ROOT_NODE, where);
    String type = graph.dataset(NirFormat.TYPE).string();
    if (!type.equals(NirFormat.GRAPH_TYPE)) {
      throw where.error(
          NirFormat.TYPE,
          "expected the root node to be a " + NirFormat.GRAPH_TYPE + ", got '" + type + "'");
    }
    return new GraphDecoder().decode(graph);
  }

  /**
   * The file's bytes. Parsing from memory keeps a damaged file's stray offsets inside a heap buffer
   * (bounds errors rather than faults on a memory-mapped region past the end of the file).
   */
  private byte[] load(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new InvalidNirFileException(file + ": a folder, expected a .nir file");
    }
    if (!Files.exists(file)) {
      throw new InvalidNirFileException(file + ": no such file");
    }
    long size = Files.size(file);
    long maxBytes = Math.min(Integer.MAX_VALUE - 8L, valueLimit * Double.BYTES + (1 << 24));
    if (size > maxBytes) {
      throw new InvalidNirFileException(
          file
              + ": "
              + size
              + " bytes, more than a file of at most "
              + valueLimit
              + " values needs ("
              + maxBytes
              + " bytes; NirReader.withValueLimit raises it)");
    }
    return Files.readAllBytes(file);
  }
}
