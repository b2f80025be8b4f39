package org.snncodesign.flow.lsm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.datasets.audio.AudioClip;
import org.snncodesign.datasets.audio.WavFolderReader;
import org.snncodesign.datasets.audio.frontend.BsaEncoder;
import org.snncodesign.datasets.audio.frontend.MelFilterBank;
import org.snncodesign.datasets.audio.frontend.Spectrogram;
import org.snncodesign.datasets.digits.EmbeddedDigits;
import org.snncodesign.datasets.encoding.MinMaxScaling;
import org.snncodesign.datasets.idx.IdxImages;
import org.snncodesign.datasets.idx.IdxReader;
import org.snncodesign.datasets.split.DatasetSplitter;
import org.snncodesign.flow.data.DatasetLocator;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.TimeSeriesEncoder;

/**
 * A classification task turned into liquid input spikes: every sample's spikes, label and group
 * (the speaker for FSDD), and whether it belongs to the official test part.
 *
 * <ul>
 *   <li><b>digits</b>: the 8 x 8 UCI digits (embedded copy, or a CSV), presented row by row: 8
 *       frames of 8 pixel intensities / 16, each frame for 10 steps of 1 ms, regular rate coding
 *       with at most 0.5 spikes per step. Test part: every 4th sample (index % 4 == 3).
 *   <li><b>fsdd</b>: Free Spoken Digit Dataset WAVs at 8 kHz through a 32-band mel filter bank
 *       (256-sample Hann frames every 80 samples = 10 ms, 50-4000 Hz), silence trimmed (40 dB below
 *       the peak), normalised to [0, 1] over a 60 dB range, cut at 100 frames (1 s); each frame for
 *       5 steps of 1 ms, regular rate coding with at most 0.5 spikes per step. Test part: the
 *       official split, takes 0-4 of every speaker and digit. With encoding {@code bsa} each band's
 *       envelope is instead interpolated to the same 5 steps per frame and coded by Ben's Spiker
 *       Algorithm ({@link BsaEncoder}: 10-tap Hann filter summing to 2, i.e. about 0.5 spikes per
 *       step at level 1 like the rate code, threshold 1.2 = 0.6 of the filter's sum).
 *   <li><b>mnist</b>: the 28 x 28 MNIST digits (IDX files), presented row by row: 28 frames of 28
 *       pixel intensities / 255 (the columns are the input channels), each frame for 5 steps of 1
 *       ms, the same regular rate coding. Train part: {@code train-images-idx3-ubyte}; test part:
 *       {@code t10k-images-idx3-ubyte} (the official split); a subset takes the first samples of
 *       each file.
 * </ul>
 *
 * @param name data set name
 * @param inputs spike trains per sample
 * @param labels class per sample
 * @param groups speaker per sample (one group for digits)
 * @param officialTest whether a sample is in the official / fixed test part
 * @param classes number of classes
 * @param channels input channels
 * @param bins liquid-state time bins suited to the task
 */
public record LsmTask(
    String name,
    List<SpikeRaster> inputs,
    int[] labels,
    String[] groups,
    boolean[] officialTest,
    int classes,
    int channels,
    int bins) {

  public static final int FSDD_CHANNELS = 32;

  /**
   * The task {@code dataset} names: {@code digits} (the embedded copy, or the UCI digits CSV {@code
   * dataDir}), {@code fsdd} or {@code mnist} (folders in {@code dataDir}), or else the file or
   * folder {@code dataDir} read by the data-set plugin of that name ({@link #plugin}), looked up
   * among the plugins of the context class loader.
   *
   * @param maxSamples at most this many samples, 0 for all
   * @param encoding {@code fsdd}'s spike coding, {@code rate} or {@code bsa}; unused by the others
   * @throws InvalidInputException naming the data set, the plugins there are or the missing folder
   */
  public static LsmTask load(
      String dataset, Path dataDir, int maxSamples, String encoding, Consumer<String> progress)
      throws IOException {
    return load(dataset, dataDir, maxSamples, encoding, progress, PluginRegistry::discover);
  }

  /**
   * As {@link #load(String, Path, int, String, Consumer)}, with data-set plugins looked up in
   * {@code plugins} (such as a registry over plugin jars outside the class path, {@link
   * org.snncodesign.api.plugin.PluginJars}).
   */
  public static LsmTask load(
      String dataset,
      Path dataDir,
      int maxSamples,
      String encoding,
      Consumer<String> progress,
      PluginRegistry plugins)
      throws IOException {
    if (plugins == null) {
      throw new IllegalArgumentException("plugins must be given");
    }
    return load(dataset, dataDir, maxSamples, encoding, progress, () -> plugins);
  }

  // The context class loader's registry is built only when a plugin is needed.
  private static LsmTask load(
      String dataset,
      Path dataDir,
      int maxSamples,
      String encoding,
      Consumer<String> progress,
      Supplier<PluginRegistry> plugins)
      throws IOException {
    return switch (dataset) {
      case "digits" -> digits(dataDir, maxSamples);
      case "fsdd" -> {
        if (dataDir == null) {
          throw new InvalidInputException(
              "--dataset fsdd needs --data-dir, the folder of Free Spoken Digit Dataset "
                  + "WAV files named {digit}_{speaker}_{index}.wav");
        }
        yield fsdd(dataDir, maxSamples, encoding, progress);
      }
      case "mnist" -> mnist(dataDir, maxSamples, progress);
      default -> plugin(new DatasetLocator(plugins.get()), dataset, dataDir, maxSamples, progress);
    };
  }

  /** The first {@code maxSamples} (0: all) UCI digits, embedded or from the CSV {@code csv}. */
  public static LsmTask digits(Path csv, int maxSamples) throws IOException {
    LabeledDataset data;
    if (csv == null) {
      data = EmbeddedDigits.load();
    } else {
      data = new org.snncodesign.datasets.digits.UciDigitsProvider().load(csv);
    }
    int n = maxSamples > 0 ? Math.min(maxSamples, data.samples()) : data.samples();
    boolean[] test = new boolean[n];
    for (int i = 0; i < n; i++) {
      test[i] = i % 4 == 3;
    }
    return rows(
        "digits",
        DatasetSplitter.select(data, IntStream.range(0, n).toArray(), data.name()),
        MinMaxScaling.range(0, EmbeddedDigits.MAX_VALUE),
        test,
        8,
        10);
  }

  /**
   * The file or folder {@code path} read by data-set plugin {@code format}, each sample presented
   * row by row as the digits and MNIST are: a sample of shape {@code [R, ...]} is {@code R} frames
   * of the remaining values (the input channels), a flat sample one frame; each frame for 10 steps
   * of 1 ms when there are at most 8 frames, else 5 (as digits and MNIST), regular rate coding with
   * at most 0.5 spikes per step, 4 time bins. Values are scaled to [0, 1] by the smallest and
   * largest value of the training part ({@link MinMaxScaling#fit}). Test part: the files' own when
   * they keep one apart ({@link DatasetLocator#locateParts}), else every 4th sample; {@code
   * maxSamples} keeps every k-th sample of the training then the test part.
   *
   * @throws InvalidInputException as {@link DatasetLocator#named} does
   */
  public static LsmTask plugin(
      DatasetLocator locator, String format, Path path, int maxSamples, Consumer<String> progress)
      throws IOException {
    progress.accept("reading " + path + " ...");
    DatasetLocator.Parts parts = locator.named(format, path, "digits, fsdd, mnist");
    LabeledDataset train = parts.train();
    int trainSamples = train.samples();
    LabeledDataset all =
        parts.test().isEmpty()
            ? train
            : DatasetSplitter.concat(train, parts.test().get(), train.name());
    int total = all.samples();
    int n = maxSamples > 0 ? Math.min(maxSamples, total) : total;
    int[] rows = new int[n];
    boolean[] test = new boolean[n];
    double step = (double) total / n;
    for (int i = 0; i < n; i++) {
      // Every k-th sample keeps both parts and every class in a small run.
      rows[i] = (int) (i * step);
      test[i] = parts.test().isEmpty() ? i % 4 == 3 : rows[i] >= trainSamples;
    }
    int[] shape = train.shape();
    int frames = shape.length > 1 ? shape[0] : 1;
    return rows(
        train.name(),
        DatasetSplitter.select(all, rows, train.name()),
        MinMaxScaling.fit(train),
        test,
        frames,
        frames <= 8 ? 10 : MNIST_STEPS_PER_ROW);
  }

  /**
   * Every sample of {@code data}, scaled, as {@code frames} frames of its values in order, each for
   * {@code stepsPerFrame} steps of regular rate coding (at most 0.5 spikes per step); one group, 4
   * time bins.
   */
  private static LsmTask rows(
      String name,
      LabeledDataset data,
      MinMaxScaling scaling,
      boolean[] test,
      int frames,
      int stepsPerFrame) {
    int n = data.samples();
    int channels = data.sampleSize() / frames;
    TimeSeriesEncoder encoder =
        new TimeSeriesEncoder(stepsPerFrame, 0.5, TimeSeriesEncoder.Mode.REGULAR);
    List<SpikeRaster> inputs = new ArrayList<>(n);
    String[] groups = new String[n];
    for (int i = 0; i < n; i++) {
      inputs.add(encoder.encode(scaling.apply(data.sample(i)), frames, channels, i));
      groups[i] = "all";
    }
    return new LsmTask(name, inputs, data.labels(), groups, test, data.classes(), channels, 4);
  }

  /** How the official / fixed test part of this task is chosen, as printed in reports. */
  public String officialSplit() {
    return switch (name) {
      case "fsdd" -> "official (takes 0-4 test, 5-49 train)";
      case "mnist" -> "official (MNIST training file train, t10k file test)";
      default ->
          IntStream.range(0, officialTest.length).allMatch(i -> officialTest[i] == (i % 4 == 3))
              ? "every 4th sample test (index % 4 == 3)"
              : "official (the data set's own test file)";
    };
  }

  public static final int MNIST_SIDE = 28;
  public static final int MNIST_STEPS_PER_ROW = 5;

  /**
   * MNIST row by row (see the class comment).
   *
   * @param folder folder holding {@code train-images-idx3-ubyte[.gz]}, {@code
   *     t10k-images-idx3-ubyte[.gz]} and their label files
   * @param maxSamples at most this many samples in all, 0 for all 70,000: five sixths from the
   *     start of the training file, the rest from the start of the test file (12,000 gives 10,000 +
   *     2,000)
   */
  public static LsmTask mnist(Path folder, int maxSamples, Consumer<String> progress)
      throws IOException {
    if (folder == null || !Files.isDirectory(folder)) {
      throw new InvalidInputException(
          "MNIST folder not found: "
              + folder
              + " (give --data-dir pointing at the "
              + "folder of train-images-idx3-ubyte[.gz] and t10k-images-idx3-ubyte[.gz])");
    }
    Path trainImages = idxFile(folder, "train-images-idx3-ubyte");
    Path testImages = idxFile(folder, "t10k-images-idx3-ubyte");
    int trainWanted = maxSamples > 0 ? (int) Math.round(maxSamples * 5.0 / 6.0) : Integer.MAX_VALUE;
    int testWanted = maxSamples > 0 ? maxSamples - trainWanted : Integer.MAX_VALUE;
    TimeSeriesEncoder encoder =
        new TimeSeriesEncoder(MNIST_STEPS_PER_ROW, 0.5, TimeSeriesEncoder.Mode.REGULAR);
    List<SpikeRaster> inputs = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Boolean> test = new ArrayList<>();
    appendMnist(trainImages, trainWanted, false, encoder, inputs, labels, test, progress);
    appendMnist(testImages, testWanted, true, encoder, inputs, labels, test, progress);
    int n = inputs.size();
    int[] labelArray = new int[n];
    String[] groups = new String[n];
    boolean[] testArray = new boolean[n];
    for (int i = 0; i < n; i++) {
      labelArray[i] = labels.get(i);
      groups[i] = "all";
      testArray[i] = test.get(i);
    }
    int classes = java.util.Arrays.stream(labelArray).max().orElse(0) + 1;
    return new LsmTask("mnist", inputs, labelArray, groups, testArray, classes, MNIST_SIDE, 4);
  }

  /**
   * Encodes the first {@code wanted} images of one IDX file and appends them, labelled and flagged.
   */
  private static void appendMnist(
      Path images,
      int wanted,
      boolean testPart,
      TimeSeriesEncoder encoder,
      List<SpikeRaster> inputs,
      List<Integer> labels,
      List<Boolean> test,
      Consumer<String> progress)
      throws IOException {
    progress.accept("reading " + images + " ...");
    IdxImages idx = IdxReader.readImages(images);
    int[] fileLabels = IdxReader.readLabels(IdxReader.labelsFileFor(images));
    if (idx.rows() != MNIST_SIDE
        || idx.columns() != MNIST_SIDE
        || fileLabels.length != idx.count()) {
      throw new InvalidInputException(
          images
              + " holds "
              + idx.count()
              + " images of "
              + idx.rows()
              + " x "
              + idx.columns()
              + " and "
              + fileLabels.length
              + " labels; expected 28 x 28 images, one label each");
    }
    int n = Math.min(idx.count(), wanted);
    int pixels = MNIST_SIDE * MNIST_SIDE;
    float[] values = new float[pixels];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < pixels; j++) {
        values[j] = idx.pixels()[i * pixels + j] / 255f;
      }
      // Rows are the frames, columns the channels: the image is read top to bottom as a time
      // series.
      inputs.add(encoder.encode(values, MNIST_SIDE, MNIST_SIDE, inputs.size()));
      labels.add(fileLabels[i]);
      test.add(testPart);
    }
  }

  /** {@code stem.gz} or {@code stem} in {@code folder}. */
  private static Path idxFile(Path folder, String stem) {
    for (String name : new String[] {stem + ".gz", stem, stem.replace("-idx3", ".idx3")}) {
      Path file = folder.resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new InvalidInputException("no " + stem + "[.gz] in " + folder);
  }

  /** FSDD with rate coding. */
  public static LsmTask fsdd(Path folder, int maxSamples, Consumer<String> progress)
      throws IOException {
    return fsdd(folder, maxSamples, "rate", progress);
  }

  public static final int FSDD_STEPS_PER_FRAME = 5;
  public static final int BSA_TAPS = 10;
  public static final double BSA_GAIN = 2;
  public static final double BSA_THRESHOLD = 1.2;

  /**
   * FSDD (see the class comment).
   *
   * @param encoding {@code rate} (regular rate coding) or {@code bsa} (Ben's Spiker Algorithm)
   */
  public static LsmTask fsdd(
      Path folder, int maxSamples, String encoding, Consumer<String> progress) throws IOException {
    boolean bsa =
        switch (encoding) {
          case "rate" -> false;
          case "bsa" -> true;
          default ->
              throw new InvalidInputException("--encoding must be rate or bsa, got " + encoding);
        };
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          "FSDD recordings folder not found: "
              + folder
              + " (give --data-dir pointing at free-spoken-digit-dataset/recordings)");
    }
    progress.accept("reading " + folder + " ...");
    List<AudioClip> clips = new WavFolderReader(WavFolderReader.DEFAULT_RATE).clips(folder);
    if (maxSamples > 0 && clips.size() > maxSamples) {
      // Every k-th clip keeps all speakers, digits and both parts of the split in a small run.
      List<AudioClip> subset = new ArrayList<>();
      double step = (double) clips.size() / maxSamples;
      for (int i = 0; i < maxSamples; i++) {
        subset.add(clips.get((int) (i * step)));
      }
      clips = subset;
    }
    MelFilterBank bank =
        new MelFilterBank(WavFolderReader.DEFAULT_RATE, 256, 80, FSDD_CHANNELS, 50, 4000);
    TimeSeriesEncoder encoder =
        new TimeSeriesEncoder(FSDD_STEPS_PER_FRAME, 0.5, TimeSeriesEncoder.Mode.REGULAR);
    BsaEncoder bsaEncoder = new BsaEncoder(BsaEncoder.hann(BSA_TAPS, BSA_GAIN), BSA_THRESHOLD);
    int n = clips.size();
    List<SpikeRaster> inputs = new ArrayList<>(n);
    int[] labels = new int[n];
    String[] groups = new String[n];
    boolean[] test = new boolean[n];
    for (int i = 0; i < n; i++) {
      AudioClip clip = clips.get(i);
      Spectrogram s = bank.apply(clip.audio().samples()).trimmed(40).normalized(60);
      if (s.frames() > 100) {
        s = s.fitted(100);
      }
      inputs.add(
          bsa
              ? bsaEncoder.encode(s, FSDD_STEPS_PER_FRAME)
              : encoder.encode(s.values(), s.frames(), FSDD_CHANNELS, i));
      try {
        labels[i] = Integer.parseInt(clip.name().label());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "FSDD label '" + clip.name().label() + "' of " + clip.file() + " is not a digit");
      }
      groups[i] = clip.name().speaker();
      test[i] = clip.name().officialTest();
    }
    int classes = java.util.Arrays.stream(labels).max().orElse(0) + 1;
    return new LsmTask("fsdd", inputs, labels, groups, test, classes, FSDD_CHANNELS, 8);
  }

  /**
   * Parameters of a liquid for this task, to be completed and built: its input channels and seed,
   * and an input fan-in of 0.1 for many channels (more than 8, e.g. FSDD's mel bands) and 0.3 for
   * few (the digits' rows), so that every neuron gets a few input synapses either way.
   */
  public LiquidParameters.Builder liquid(int neurons, long seed) {
    return LiquidParameters.builder()
        .neurons(neurons)
        .inputChannels(channels)
        .inputProbability(channels > 8 ? 0.1 : 0.3)
        .seed(seed);
  }

  /** The samples whose membership in {@code part} matches. */
  public int[] select(boolean[] part, boolean value) {
    return java.util.stream.IntStream.range(0, labels.length)
        .filter(i -> part[i] == value)
        .toArray();
  }

  public List<SpikeRaster> inputsOf(int[] rows) {
    List<SpikeRaster> out = new ArrayList<>(rows.length);
    for (int r : rows) {
      out.add(inputs.get(r));
    }
    return out;
  }

  public int[] labelsOf(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    return out;
  }
}
