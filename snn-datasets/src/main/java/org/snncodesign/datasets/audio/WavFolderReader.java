package org.snncodesign.datasets.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * A folder of WAV files named {@code {label}_{speaker}_{index}.wav} (the Free Spoken Digit Dataset
 * layout), read as clips resampled to one rate, or as a data set of fixed-length waveforms (cut or
 * padded with silence). Files are taken in name order so the result does not depend on the file
 * system.
 */
public final class WavFolderReader {
  /** FSDD's own rate. */
  public static final int DEFAULT_RATE = 8000;

  private final int targetRate;

  /** A reader that resamples every clip to {@code targetRate} Hz. */
  public WavFolderReader(int targetRate) {
    this.targetRate = Checks.positive(targetRate, "targetRate");
  }

  /** Every {@code *.wav} file directly in {@code folder}, in name order, resampled. */
  public List<AudioClip> clips(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException("not a folder of WAV files: " + folder);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    }
    if (files.isEmpty()) {
      throw new InvalidInputException("no .wav files in " + folder);
    }
    List<AudioClip> clips = new ArrayList<>(files.size());
    for (Path file : files) {
      FsddName name = FsddName.parse(file.getFileName().toString());
      clips.add(new AudioClip(file, name, WavFile.read(file).resample(targetRate)));
    }
    return clips;
  }

  /**
   * The clips of {@code folder} as a data set of shape {@code [length]}; classes are the distinct
   * labels, in numeric order when all are integers.
   *
   * @param length samples per waveform, e.g. {@code targetRate} for one second; 0 means the longest
   *     clip
   */
  public LabeledDataset dataset(Path folder, int length) throws IOException {
    Checks.nonNegative(length, "length");
    List<AudioClip> clips = clips(folder);
    return dataset(clips, length, folder.toString());
  }

  /** {@code clips} as a data set, see {@link #dataset(Path, int)}. */
  public static LabeledDataset dataset(List<AudioClip> clips, int length, String name) {
    Checks.checkArgument(!clips.isEmpty(), "no clips to make the data set %s", name);
    int size = length;
    if (size == 0) {
      for (AudioClip clip : clips) {
        size = Math.max(size, clip.audio().samples().length);
      }
    }
    Checks.positive(size, "waveform length");
    Checks.checkArgument(
        (long) size * clips.size() <= Integer.MAX_VALUE - 8,
        "%d clips of %d samples exceed an array",
        clips.size(),
        size);
    TreeSet<String> distinct = new TreeSet<>();
    clips.forEach(c -> distinct.add(c.name().label()));
    List<String> classNames = new ArrayList<>(distinct);
    if (classNames.stream().allMatch(t -> t.matches("\\d{1,9}"))) {
      classNames.sort(Comparator.comparingInt(Integer::parseInt));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < classNames.size(); c++) {
      index.put(classNames.get(c), c);
    }
    float[] features = new float[size * clips.size()];
    int[] labels = new int[clips.size()];
    for (int i = 0; i < labels.length; i++) {
      float[] samples = clips.get(i).audio().samples();
      System.arraycopy(samples, 0, features, i * size, Math.min(size, samples.length));
      labels[i] = index.get(clips.get(i).name().label());
    }
    return new LabeledDataset(name, new int[] {size}, features, labels, classNames);
  }
}
