package org.snncodesign.conversion;

import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.attention.SpikedAttentionConverter;
import org.snncodesign.conversion.attention.SpikedAttentionEvaluation;
import org.snncodesign.conversion.attention.SpikedAttentionReport;
import org.snncodesign.conversion.attention.SpikingVit;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.transformer.VitJson;
import org.snncodesign.conversion.transformer.VitModel;

/**
 * Converts a saved MNIST ViT and prints the report (not a test). Arguments: MNIST folder, model
 * JSON, test samples, m of the base 2^(1/m), octaves, [output folder].
 */
public final class VitConversionRun {
  private VitConversionRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    VitModel model = VitJson.read(Path.of(args[1]));
    int n = Integer.parseInt(args[2]);
    PhaseCoding coding =
        PhaseCoding.rootOfTwo(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    LabeledImages calibration = MnistIdx.load(dir, "train", 500);
    LabeledImages test = MnistIdx.load(dir, "t10k", n);
    long t0 = System.nanoTime();
    SpikingVit snn = new SpikedAttentionConverter(99.9).convert(model, calibration, coding);
    double conversion = (System.nanoTime() - t0) / 1e9;
    SpikedAttentionEvaluation e =
        SpikedAttentionEvaluation.of(model, snn, test, 2, Math.min(n, 1000));
    SpikedAttentionReport report =
        SpikedAttentionReport.of("mnist", model, snn, e, EnergyTable.HOROWITZ_45NM, conversion);
    System.out.print(report.table());
    System.out.println(report.toJson());
    if (args.length > 5) {
      Path out = Path.of(args[5]);
      Files.createDirectories(out);
      Files.writeString(out.resolve("spiked-attention.json"), report.toJson() + "\n");
    }
  }
}
