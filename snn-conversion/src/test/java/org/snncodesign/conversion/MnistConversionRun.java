package org.snncodesign.conversion;

import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.conversion.snn.ConvertedNetwork;
import org.snncodesign.conversion.snn.OneSpikeSimulator;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.snn.RateSimulator;
import org.snncodesign.conversion.snn.SnnEvaluation;

/**
 * Full MNIST conversion, not a test: {@code java -cp ...
 * org.snncodesign.conversion.MnistConversionRun DATA_DIR MODEL.json [RATE_SAMPLES] [THREADS]}.
 * Prints one table row (standard error) and one JSON line (standard output) per configuration.
 */
public final class MnistConversionRun {
  private MnistConversionRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    AnnModel model = AnnJson.read(Path.of(args[1]));
    int rateSamples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    LabeledImages calibration = MnistIdx.load(dir, "train", 500);
    LabeledImages test = MnistIdx.load(dir, "t10k", Integer.MAX_VALUE);
    AnnNetwork ann = new AnnNetwork(model);
    long t0 = System.nanoTime();
    double annAccuracy = ann.accuracy(test, threads);
    System.err.printf(
        "ANN accuracy %.4f on %d samples (%.1f s), %d MACs%n",
        annAccuracy, test.count(), (System.nanoTime() - t0) / 1e9, model.macs());
    t0 = System.nanoTime();
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, calibration);
    double conversion = (System.nanoTime() - t0) / 1e9;
    System.err.printf("conversion %.2f s: %s, %d synapses%n", conversion, snn, snn.synapses());
    for (int m : new int[] {1, 2, 4}) {
      PhaseCoding coding = PhaseCoding.rootOfTwo(m, 8);
      SnnEvaluation e = new OneSpikeSimulator(snn, coding).evaluate(test, threads);
      ConversionReport r =
          ConversionReport.of(
              "mnist", snn, annAccuracy, e, coding, EnergyTable.HOROWITZ_45NM, conversion);
      System.err.println(
          r.tableRow()
              + String.format("  (base 2^(1/%d), K=%d, %.1f s)", m, coding.phases(), e.seconds()));
      System.out.println(r.toJson());
    }
    LabeledImages subset = test.head(rateSamples);
    double annSubset = ann.accuracy(subset, threads);
    List<SnnEvaluation> rates =
        new RateSimulator(snn, 16, 32, 64, 128, 256).evaluate(subset, threads);
    for (SnnEvaluation e : rates) {
      ConversionReport r =
          ConversionReport.of(
              "mnist", snn, annSubset, e, null, EnergyTable.HOROWITZ_45NM, conversion);
      System.err.println(r.tableRow() + String.format("  (%d samples)", subset.count()));
      System.out.println(r.toJson());
    }
  }
}
