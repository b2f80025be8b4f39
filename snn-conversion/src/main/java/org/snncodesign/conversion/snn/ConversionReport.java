package org.snncodesign.conversion.snn;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;

/**
 * ANN versus converted SNN on one data set: accuracy, latency, spikes, operations and energy per
 * inference, with the assumptions of the energy estimate. Energies are per inference (per sample),
 * in picojoules: {@code E_ANN = MACs * (E_mult + E_add)} and {@code E_SNN = (ACs + neuron ops) *
 * E_add}, plus one multiply per synaptic event when a phase base is not a root of two (see {@link
 * PhaseCoding}).
 *
 * @param schemaVersion layout version of this report
 * @param dataset data set name
 * @param model the model's name in reports: its file where it was read from one, else the ANN's
 *     name
 * @param coding {@code "phase1"} or {@code "rate"}
 * @param samples test samples evaluated (same for both networks)
 * @param annAccuracy ANN accuracy on those samples
 * @param snnAccuracy SNN accuracy on those samples
 * @param accuracyDropPoints {@code 100 * (ann - snn)}
 * @param timesteps time steps from input to read-out
 * @param phasesPerLayer phase-coding window {@code K} (0 for rate coding)
 * @param base phase base {@code B} (0 for rate coding)
 * @param spikesPerNeuron mean spikes per neuron per inference
 * @param annMacs ANN multiply-accumulates per inference
 * @param snnAcs SNN synaptic accumulates per inference (mean)
 * @param snnNeuronOps SNN neuron-side operations per inference (mean)
 * @param annEnergyPj ANN energy per inference
 * @param snnEnergyPj SNN energy per inference, synaptic and neuron operations
 * @param snnSynapticEnergyPj SNN energy of the synaptic accumulates alone (the figure most papers
 *     report)
 * @param energyRatio {@code annEnergyPj / snnEnergyPj}
 * @param energyRatioSynapticOnly {@code annEnergyPj / snnSynapticEnergyPj}
 * @param energyModel name of the energy table
 * @param conversionSeconds time to convert (normalise and build the fan-out matrices)
 * @param snnSeconds time to run the SNN over the samples
 * @param assumptions what the energy figures assume
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record ConversionReport(
    int schemaVersion,
    String dataset,
    String model,
    String coding,
    int samples,
    double annAccuracy,
    double snnAccuracy,
    double accuracyDropPoints,
    int timesteps,
    int phasesPerLayer,
    double base,
    double spikesPerNeuron,
    long annMacs,
    double snnAcs,
    double snnNeuronOps,
    double annEnergyPj,
    double snnEnergyPj,
    double snnSynapticEnergyPj,
    double energyRatio,
    double energyRatioSynapticOnly,
    String energyModel,
    double conversionSeconds,
    double snnSeconds,
    List<String> assumptions) {

  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Builds the report; {@code coding} is null for rate coding. */
  public static ConversionReport of(
      String dataset,
      ConvertedNetwork network,
      double annAccuracy,
      SnnEvaluation snn,
      PhaseCoding coding,
      EnergyModel energy,
      double conversionSeconds) {
    double eAdd = energy.picojoules(Operation.ADD_FP32);
    double eMult = energy.picojoules(Operation.MULT_FP32);
    boolean shift = coding == null || coding.rootOfTwoDegree() > 0;
    double acs = snn.synapticOpsPerSample();
    double neuronOps = snn.neuronOpsPerSample();
    double annEnergy = network.annMacs() * (eMult + eAdd);
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
                "ANN: every multiply-accumulate of convolution and dense layers, zeros included; pooling, ReLU and bias"
                    + " additions not counted",
                "SNN: one accumulate per synaptic event (spike x fan-out), plus neuron operations (one comparison per"
                    + " phase or step waited, bias additions, resets), each costed as one ADD_FP32",
                "memory access, data movement and control are excluded on both sides",
                "max pooling in the SNN relays the earliest spike (phase coding) or the most active input (rate coding);"
                    + " its gating is not costed for phase coding"));
    if (coding != null) {
      assumptions.add(
          shift
              ? String.format(
                  Locale.ROOT,
                  "phase base 2^(1/%d): the phase weight is a shift of one of %d pre-scaled"
                      + " weight copies, so a phase-weighted event costs one accumulate",
                  coding.rootOfTwoDegree(),
                  coding.rootOfTwoDegree())
              : "phase base is not a root of two: every phase-weighted event is costed as a multiply-accumulate");
      assumptions.add(
          "layer-wise pipelining: latency = (1 + spiking layers) x K phases; throughput one image"
              + " per K phases");
    }
    return new ConversionReport(
        SCHEMA_VERSION,
        dataset,
        network.name(),
        snn.coding(),
        snn.samples(),
        annAccuracy,
        snn.accuracy(),
        100 * (annAccuracy - snn.accuracy()),
        snn.timesteps(),
        coding == null ? 0 : coding.phases(),
        coding == null ? 0 : coding.base(),
        snn.spikesPerNeuron(),
        network.annMacs(),
        acs,
        neuronOps,
        annEnergy,
        snnEnergy,
        synEnergy,
        annEnergy / snnEnergy,
        annEnergy / synEnergy,
        energy.name(),
        conversionSeconds,
        snn.seconds(),
        List.copyOf(assumptions));
  }

  /**
   * The same report naming the model {@code modelName} (e.g. the file it was read from, not the
   * graph's name).
   */
  public ConversionReport withModel(String modelName) {
    return new ConversionReport(
        schemaVersion,
        dataset,
        modelName,
        coding,
        samples,
        annAccuracy,
        snnAccuracy,
        accuracyDropPoints,
        timesteps,
        phasesPerLayer,
        base,
        spikesPerNeuron,
        annMacs,
        snnAcs,
        snnNeuronOps,
        annEnergyPj,
        snnEnergyPj,
        snnSynapticEnergyPj,
        energyRatio,
        energyRatioSynapticOnly,
        energyModel,
        conversionSeconds,
        snnSeconds,
        assumptions);
  }

  /** The report as one line of JSON with snake_case field names. */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report", e);
    }
  }

  /** A short human-readable table row. */
  public String tableRow() {
    return String.format(
        Locale.ROOT,
        "%-7s %6d steps  ANN %.4f  SNN %.4f  (%+.2f pts)  %.3f spikes/neuron"
            + "  %,.0f ACs vs %,d MACs  %.1f vs %.1f nJ  ratio %.2fx (synaptic only %.2fx)",
        coding,
        timesteps,
        annAccuracy,
        snnAccuracy,
        -accuracyDropPoints,
        spikesPerNeuron,
        snnAcs,
        annMacs,
        snnEnergyPj / 1000,
        annEnergyPj / 1000,
        energyRatio,
        energyRatioSynapticOnly);
  }
}
