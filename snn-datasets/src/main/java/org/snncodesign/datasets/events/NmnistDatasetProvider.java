package org.snncodesign.datasets.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.AbstractDatasetProvider;

/**
 * Plugin {@code nmnist}: N-MNIST / N-Caltech101 event files ({@code .bin}, 40-bit events). A folder
 * whose sub-folders name the classes (N-MNIST's {@code Train/0/00002.bin} layout) gives one sample
 * per file, or one {@code .bin} file gives one sample. Each sample is its event count per polarity
 * and pixel, shape {@code [2, height, width]} (34 x 34 for N-MNIST); for timing use {@link
 * NmnistReader} and {@link EventBinning}.
 */
public final class NmnistDatasetProvider extends AbstractDatasetProvider {

  public NmnistDatasetProvider() {
    super(
        "nmnist",
        "N-MNIST / N-Caltech101 40-bit event files, class sub-folders, event counts per polarity and pixel");
  }

  @Override
  protected boolean acceptsFileName(String fileName) {
    return hasExtension(fileName, ".bin");
  }

  /** A folder named {@code *.bin}, or with {@code .bin} files in it or in its class sub-folders. */
  @Override
  protected boolean acceptsFolder(Path folder) {
    return isBin(folder) || anyEntry(folder, 2, NmnistDatasetProvider::isBin);
  }

  private static boolean isBin(Path p) {
    return p.getFileName() != null && hasExtension(p.getFileName().toString(), ".bin");
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    List<String> classNames = new ArrayList<>();
    List<EventStream> streams = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    if (Files.isDirectory(path)) {
      List<Path> classes;
      try (Stream<Path> listing = Files.list(path)) {
        classes =
            listing
                .filter(Files::isDirectory)
                .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                .toList();
      }
      for (Path folder : classes) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
          files =
              listing
                  .filter(NmnistDatasetProvider::isBin)
                  .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                  .toList();
        }
        if (files.isEmpty()) {
          continue;
        }
        classNames.add(folder.getFileName().toString());
        for (Path file : files) {
          streams.add(NmnistReader.read(file));
          labels.add(classNames.size() - 1);
        }
      }
      if (streams.isEmpty()) {
        throw new InvalidInputException("no class sub-folders with .bin event files in " + path);
      }
    } else {
      classNames.add(
          path.getParent() == null || path.getParent().getFileName() == null
              ? "unlabelled"
              : path.getParent().getFileName().toString());
      streams.add(NmnistReader.read(path));
      labels.add(0);
    }
    return EventCounts.dataset(path.toString(), streams, labels, classNames);
  }
}
