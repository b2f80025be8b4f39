package org.snncodesign.datasets.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.idx.IdxReader;

/**
 * Loading MNIST's 60,000 training images and labels into a {@link LabeledDataset} (float pixels),
 * from the gzip files as distributed and from a plain (decompressed) copy. The folder is a
 * parameter: {@code -p mnist=/path/to/mnist}; run from the project root, the default is {@code
 * ../shared/data/mnist}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MnistLoadBenchmark {

  @Param({"../shared/data/mnist"})
  public String mnist;

  private Path gzipImages;
  private Path plainImages;
  private Path plainFolder;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    gzipImages = Path.of(mnist, "train-images-idx3-ubyte.gz");
    if (!Files.isRegularFile(gzipImages)) {
      throw new IllegalStateException(
          "MNIST not found at "
              + gzipImages.toAbsolutePath()
              + "; pass -p mnist=<folder with train-images-idx3-ubyte.gz>");
    }
    plainFolder = Files.createTempDirectory("mnist-plain");
    plainImages = plainFolder.resolve("train-images-idx3-ubyte");
    for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}) {
      try (InputStream in =
          new GZIPInputStream(Files.newInputStream(Path.of(mnist, name + ".gz")))) {
        Files.copy(in, plainFolder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}) {
      Files.deleteIfExists(plainFolder.resolve(name));
    }
    Files.deleteIfExists(plainFolder);
  }

  /** 60,000 images and labels from the gzip files. */
  @Benchmark
  public LabeledDataset trainGzip() throws IOException {
    return IdxReader.load(gzipImages);
  }

  /** 60,000 images and labels from plain IDX files. */
  @Benchmark
  public LabeledDataset trainPlain() throws IOException {
    return IdxReader.load(plainImages);
  }
}
