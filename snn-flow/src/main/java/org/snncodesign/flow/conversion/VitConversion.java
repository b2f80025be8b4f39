package org.snncodesign.flow.conversion;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.attention.SpikedAttentionConverter;
import org.snncodesign.conversion.attention.SpikedAttentionEvaluation;
import org.snncodesign.conversion.attention.SpikedAttentionReport;
import org.snncodesign.conversion.attention.SpikingVit;
import org.snncodesign.conversion.training.Optimizer;
import org.snncodesign.conversion.training.TrainingSettings;
import org.snncodesign.conversion.transformer.VitConfig;
import org.snncodesign.conversion.transformer.VitJson;
import org.snncodesign.conversion.transformer.VitModel;
import org.snncodesign.conversion.transformer.VitNetwork;
import org.snncodesign.conversion.transformer.VitTrainer;
import org.snncodesign.flow.data.ConversionData;
import org.snncodesign.flow.data.IdxDataset;
import org.snncodesign.flow.data.ImageSet;

/**
 * The recipe of {@code snn convert --arch vit}: a small vision transformer (read from a ViT JSON,
 * or the default one trained and cached) converted with SpikedAttention one-spike phase coding
 * ({@link SpikedAttentionConverter}, the {@code phase1} coding plugin with base {@code 2^(1/m)}, m
 * = 4 by default) and run on the test set, reporting the CNN conversion's fields plus the error of
 * every coded layer.
 *
 * <p>{@code digits} uses the embedded UCI set (the first 1,400 samples to train, the rest to test)
 * and needs no data folder; an IDX set is read from its folder. Of the {@link ConversionSettings}
 * it uses the data set, model, cache, coding, phase base, octaves, percentile, sample counts,
 * epochs, threads and seed; a neuron model other than {@code if} is refused (its one-spike neurons
 * are the phase code's). {@link ConvertRunReport#of(SpikedAttentionReport)} gives its {@code snn
 * convert} report and {@link ConversionCsv} writes its CSV files.
 */
public final class VitConversion {
  /** Embedded digits used for training (and calibration); the rest are the test set. */
  public static final int DIGITS_TRAIN = 1400;

  /** Training images the activations are normalised on. */
  public static final int CALIBRATION_SAMPLES = 500;

  /** Test images whose per-layer errors are measured. */
  public static final int LAYER_ERROR_SAMPLES = 1000;

  private VitConversion() {}

  /**
   * Converts and evaluates by {@code settings}.
   *
   * @param progress told what happens, one line at a time (e.g. standard error)
   * @throws org.snncodesign.api.SnnException naming the bad setting: a coding other than {@code
   *     phase1}, a missing data folder
   * @throws IOException when the data set or the model cannot be read
   */
  public static SpikedAttentionReport run(
      ConversionSettings settings, PluginRegistry registry, PrintStream progress)
      throws IOException {
    Checks.checkArgument(
        settings != null && registry != null && progress != null,
        "settings, registry and progress must be given");
    int baseRoot = baseRoot(settings);
    ConversionCoding coding =
        ConversionCoding.resolve(registry, settings.coding(), baseRoot, settings.octaves());
    if (!coding.isPhase()) {
      throw new InvalidInputException(
          "a vision transformer converts with coding phase1 only, got '" + settings.coding() + "'");
    }
    if (!settings.neuron().equals(ConversionSettings.DEFAULT_NEURON)) {
      throw new InvalidInputException(
          CnnConversion.phaseNeuronRefusal(settings.neuron(), coding.name()));
    }
    LabeledImages train;
    LabeledImages test;
    VitConfig config;
    int epochs;
    String cacheKey;
    if (settings.dataset().equals("digits")) {
      cacheKey = "digits";
      LabeledImages all = ConversionData.digits();
      train = all.range(0, Math.min(DIGITS_TRAIN, settings.trainSamples()));
      test = all.range(DIGITS_TRAIN, Math.min(all.count(), DIGITS_TRAIN + settings.testSamples()));
      config = VitConfig.digits();
      epochs = settings.epochs() != null ? settings.epochs() : 30;
    } else {
      if (IdxDataset.names(settings.dataset())
          && (settings.dataDir() == null || !Files.isDirectory(settings.dataDir()))) {
        throw new InvalidInputException(
            "data set " + settings.dataset() + " needs the folder of its IDX files");
      }
      ImageSet data =
          ImageSet.of(settings.dataset(), settings.dataDir(), settings.seed(), registry);
      train = data.train(settings.trainSamples());
      test = data.test(settings.testSamples());
      cacheKey = data.cacheKey();
      config = VitConfig.mnist();
      epochs = settings.epochs() != null ? settings.epochs() : 12;
    }
    VitModel model =
        settings.model() != null
            ? VitJson.read(settings.model())
            : cachedOrTrained(settings, cacheKey, config, train, epochs, progress);
    long t0 = System.nanoTime();
    SpikingVit snn =
        new SpikedAttentionConverter(settings.percentile())
            .convert(model, train.head(CALIBRATION_SAMPLES), coding.phase());
    double conversion = (System.nanoTime() - t0) / 1e9;
    SpikedAttentionEvaluation e =
        SpikedAttentionEvaluation.of(
            model, snn, test, settings.threads(), Math.min(test.count(), LAYER_ERROR_SAMPLES));
    return SpikedAttentionReport.of(
        settings.dataset(), model, snn, e, EnergyTable.HOROWITZ_45NM, conversion);
  }

  /**
   * The phase base's m: the one set, else 4. The ViT chains 23 coded windows (layer norms, softmax,
   * products of two coded operands), so the coarser base 2^(1/2) accumulates 2.4 points of error on
   * MNIST; 2^(1/4) stays within 0.6 points at twice the phases.
   */
  static int baseRoot(ConversionSettings settings) {
    return settings.baseRoot() != null ? settings.baseRoot() : 4;
  }

  private static VitModel cachedOrTrained(
      ConversionSettings settings,
      String cacheKey,
      VitConfig config,
      LabeledImages train,
      int epochs,
      PrintStream progress)
      throws IOException {
    Path dir =
        settings.cacheDir() != null
            ? settings.cacheDir()
            : Path.of(System.getProperty("user.home"), ".cache", "snn-codesign");
    Path file =
        dir.resolve(
            String.format(
                Locale.ROOT,
                "%s-vit-d%d-b%d-e%d-n%d-s%d.json",
                cacheKey,
                config.dim(),
                config.depth(),
                epochs,
                train.count(),
                settings.seed()));
    if (Files.exists(file)) {
      progress.println("using cached model " + file);
      return VitJson.read(file);
    }
    VitModel fresh = VitModel.initialised(settings.dataset() + "-vit", config, settings.seed());
    progress.printf(
        "training %s on %d samples for %d epochs (cached afterwards in %s)%n",
        config, train.count(), epochs, file);
    // Small batches suit the 1,400 digits; MNIST uses the CNN trainer's batch of 64. On MNIST, 12
    // epochs from 2e-3
    // decayed x0.8 per epoch reach 97% (6 epochs from 1.5e-3, x0.75, stopped at 96.7% with the loss
    // still falling).
    boolean small = train.count() < 5000;
    new VitTrainer(
            new TrainingSettings(
                epochs,
                small ? 16 : 64,
                small ? 3e-3 : 2e-3,
                small ? 0.93 : 0.8,
                Optimizer.ADAM,
                0,
                0,
                settings.threads(),
                settings.seed()))
        .train(new VitNetwork(fresh), train, null, progress::println);
    VitJson.write(fresh, file);
    return fresh;
  }
}
