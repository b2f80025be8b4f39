package org.snncodesign.conversion.attention;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.transformer.VitModel;

/**
 * ANN transformer versus its one-spike conversion: the same fields as the CNN conversion's {@link
 * ConversionReport} (accuracy, time steps, spikes, operations, energy with the same accounting,
 * {@code E_ANN = MACs (E_mult + E_add)}, {@code E_SNN = (ACs + neuron ops) E_add}) plus the
 * per-layer errors. Jackson writes it as one object with snake-case keys: every field of the CNN
 * conversion report, {@code "arch": "vit"}, {@code windows} and {@code layer_errors} (a list of
 * {@code {layer, relative_rms_error, mean_absolute_error, values}}).
 *
 * @param base the CNN-compatible figures
 * @param windows layer windows of {@code K} phases on the critical path
 * @param layerErrors error of every spiking population against the ANN
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"base", "arch", "windows", "layer_errors"})
public record SpikedAttentionReport(
    @JsonUnwrapped ConversionReport base, int windows, List<LayerError> layerErrors) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Builds the report from an evaluation. */
  public static SpikedAttentionReport of(
      String dataset,
      VitModel model,
      SpikingVit snn,
      SpikedAttentionEvaluation e,
      EnergyModel energy,
      double conversionSeconds) {
    PhaseCoding coding = snn.coding();
    double eAdd = energy.picojoules(Operation.ADD_FP32);
    double eMult = energy.picojoules(Operation.MULT_FP32);
    boolean shift = coding.rootOfTwoDegree() > 0;
    int n = Math.max(1, e.samples());
    double acs = (double) e.synapticOps() / n;
    double neuronOps = (double) e.neuronOps() / n;
    double annEnergy = model.macs() * (eMult + eAdd);
    double synEnergy = acs * (eAdd + (shift ? 0 : eMult));
    double snnEnergy = synEnergy + neuronOps * eAdd;
    List<String> assumptions =
        new ArrayList<>(
            List.of(
                String.format(
                    Locale.ROOT,
                    "energy table %s: E_MAC = MULT_FP32 + ADD_FP32 = %.1f pJ, E_AC = ADD_FP32 ="
                        + " %.1f pJ (32-bit float arithmetic on both sides)",
                    energy.name(),
                    eMult + eAdd,
                    eAdd),
                "ANN: every multiply-accumulate of the patch embedding, Q/K/V/output projections, Q K^T, A V, MLP and head;"
                    + " layer norms, softmax exponentials and divisions, ReLU, pooling, residual and bias additions not"
                    + " counted (favours the ANN)",
                "SNN: one accumulate per synaptic event (spike x fan-out), per coincident spike pair of Q K^T and A V"
                    + " (log-domain product: phase addition, no multiplier), per spike into a layer-norm mean, variance"
                    + " (doubled phase), softmax normaliser or pooling neuron, per residual identity spike; plus neuron"
                    + " operations (one comparison per phase waited, per phase of a softmax race or layer-norm/normaliser"
                    + " shift, bias additions), each costed as one ADD_FP32",
                "signed activations use a pair of neurons (+/-), at most one of which fires; a negative spike subtracts",
                "memory access, data movement and control are excluded on both sides"));
    assumptions.add(
        shift
            ? String.format(
                Locale.ROOT,
                "phase base 2^(1/%d): a phase weight is a shift of one of %d pre-scaled"
                    + " weight copies, so a phase-weighted event costs one accumulate",
                coding.rootOfTwoDegree(),
                coding.rootOfTwoDegree())
            : "phase base is not a root of two: every phase-weighted event is costed as a multiply-accumulate");
    assumptions.add(
        String.format(
            Locale.ROOT,
            "layer-wise pipelining: latency = %d windows x K phases (per"
                + " block: layer norm 3, Q/K/V 1, Q K^T 2, softmax 2, A V 2, projection 1, layer norm 3, MLP 2; plus"
                + " input, embedding, pooling, final layer norm 3, read-out)",
            snn.windows()));
    double spikesPerNeuron = e.neurons() == 0 ? 0 : (double) e.spikes() / e.neurons();
    ConversionReport base =
        new ConversionReport(
            ConversionReport.SCHEMA_VERSION,
            dataset,
            model.name(),
            "phase1",
            e.samples(),
            e.annAccuracy(),
            e.snnAccuracy(),
            100 * (e.annAccuracy() - e.snnAccuracy()),
            snn.latency(),
            coding.phases(),
            coding.base(),
            spikesPerNeuron,
            model.macs(),
            acs,
            neuronOps,
            annEnergy,
            snnEnergy,
            synEnergy,
            annEnergy / snnEnergy,
            annEnergy / synEnergy,
            energy.name(),
            conversionSeconds,
            e.seconds(),
            List.copyOf(assumptions));
    return new SpikedAttentionReport(base, snn.windows(), e.layerErrors());
  }

  /** {@code "vit"}: tells this report from a CNN's in JSON. */
  @JsonProperty
  public String arch() {
    return "vit";
  }

  /** The report as one line of JSON (see the class comment). */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report", e);
    }
  }

  /** Summary row and one row per layer, for the terminal. */
  public String table() {
    StringBuilder sb = new StringBuilder(base.tableRow()).append('\n');
    sb.append(String.format(Locale.ROOT, "%-24s %12s %12s%n", "layer", "rel. RMS", "mean |err|"));
    for (LayerError e : layerErrors) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-24s %12.4f %12.5f%n",
              e.layer(),
              e.relativeRmsError(),
              e.meanAbsoluteError()));
    }
    return sb.toString();
  }
}
