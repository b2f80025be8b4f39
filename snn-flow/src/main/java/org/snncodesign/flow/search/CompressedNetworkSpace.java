package org.snncodesign.flow.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.fpga.search.NetworkSpace;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.learning.quantization.LsqQuantizer;
import org.snncodesign.learning.rewiring.GradientRewiring;
import org.snncodesign.learning.rewiring.SparsitySchedule;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SurrogateGradientTrainer;
import org.snncodesign.learning.surrogate.TrainingOptions;
import org.snncodesign.learning.surrogate.WeightTransform;

/**
 * The network genes of {@code snn hw search --network-genes}: for every priced layer of a trained
 * fully connected network (every layer when the analog-input first layer is priced as bit planes,
 * else every layer but the first; see {@link MeasuredRun.FirstLayer}), a weight sparsity ({@code
 * keep} or a magnitude-pruning target) and a weight width ({@code keep} or 8, 4, 3, 2 bits),
 * applied with {@link LayerCompression} to a copy of the network.
 *
 * <p>Each variant is run on the validation samples with every spike recorded: its workload carries
 * the measured spike rates of the compressed network (pruning changes what the layers above
 * receive), its weight densities (quantisation may prune further) and widths, and its accuracy is
 * what the search's floor is checked against. Variants are built from copies, so concurrent calls
 * are safe.
 *
 * <p>Optionally each compressed variant is fine-tuned for a few epochs on the training split (never
 * on the validation or test samples) with surrogate gradients, keeping every layer's compression:
 * gradient rewiring (Chen et al. 2021) with a constant budget at the layer's compressed sparsity,
 * and LSQ at its width starting from the fitted step, one transform per layer ({@link
 * PerLayerTransform}); Adam, cosine-decayed learning rate {@value #FINE_TUNE_LEARNING_RATE}, batch
 * 32, one thread, seeded, so a variant is the same whoever builds it. The unmodified genome is not
 * fine-tuned: it is the reference.
 */
public final class CompressedNetworkSpace implements NetworkSpace {
  /** The gene value that leaves a layer as trained. */
  public static final String KEEP = "keep";

  /** Sparsity choices per layer. */
  public static final List<String> SPARSITIES = List.of(KEEP, "0.85", "0.9", "0.95", "0.98");

  /** Weight width choices per layer. */
  public static final List<String> WIDTHS = List.of(KEEP, "8", "4", "3", "2");

  private final String name;
  private final SpikingNetwork trained;
  private final LabeledDataset validation;
  private final MeasuredRun.FirstLayer firstLayer;

  /** Index of the first layer with genes: 0 when the first layer is priced, else 1. */
  private final int firstGeneLayer;

  private final List<DesignParameter> parameters;
  private final NetworkVariant reference;
  private final TrainingData fineTuneData;
  private final int fineTuneEpochs;
  private final long seed;

  /** Initial learning rate of the fine-tuning (a fifth of the demo network's training rate). */
  public static final float FINE_TUNE_LEARNING_RATE = 1e-3f;

  /**
   * @param name the network's name, for reports
   * @param trained a fully connected network (not modified)
   * @param validation held-out samples the variants are run on
   * @param firstLayer how the workload prices the analog-input first layer; it has genes only when
   *     priced
   */
  public CompressedNetworkSpace(
      String name,
      SpikingNetwork trained,
      LabeledDataset validation,
      MeasuredRun.FirstLayer firstLayer) {
    this(name, trained, validation, firstLayer, null, 0, 0);
  }

  /**
   * A space whose compressed variants are fine-tuned.
   *
   * @param fineTuneData the training split the variants are fine-tuned on (null with 0 epochs)
   * @param fineTuneEpochs epochs of fine-tuning per compressed variant, 0 for none
   * @param seed seed of the fine-tuning's batch order
   */
  public CompressedNetworkSpace(
      String name,
      SpikingNetwork trained,
      LabeledDataset validation,
      MeasuredRun.FirstLayer firstLayer,
      TrainingData fineTuneData,
      int fineTuneEpochs,
      long seed) {
    Checks.nonNegative(fineTuneEpochs, "fineTuneEpochs");
    Checks.checkArgument(
        fineTuneEpochs == 0 || fineTuneData != null, "fine-tuning needs training data");
    this.fineTuneData = fineTuneData;
    this.fineTuneEpochs = fineTuneEpochs;
    this.seed = seed;
    Checks.checkArgument(
        trained.isDense(), "network genes need a fully connected network, got %s", trained);
    this.name = name;
    this.trained = trained.copy();
    this.validation = validation;
    this.firstLayer = firstLayer;
    this.firstGeneLayer = firstLayer == MeasuredRun.FirstLayer.BIT_PLANES ? 0 : 1;
    Checks.checkArgument(
        trained.layers().size() > firstGeneLayer,
        "network genes need a priced layer: %s has only its analog input layer, which is left out",
        trained);
    List<DesignParameter> params = new ArrayList<>();
    for (int l = firstGeneLayer; l < trained.layers().size(); l++) {
      params.add(new DesignParameter(layerName(l) + "_sparsity", SPARSITIES));
      params.add(new DesignParameter(layerName(l) + "_bits", WIDTHS));
    }
    this.parameters = List.copyOf(params);
    this.reference = variant(new int[params.size()]);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<DesignParameter> parameters() {
    return parameters;
  }

  @Override
  public NetworkVariant reference() {
    return reference;
  }

  @Override
  public NetworkVariant variant(int[] genes) {
    SpikingNetwork network = network(genes);
    MeasuredRun run = MeasuredRun.of(network, validation);
    Map<String, String> configuration = new LinkedHashMap<>();
    for (int l = firstGeneLayer; l < network.layers().size(); l++) {
      DenseLayer layer = network.denseLayer(l);
      configuration.put(
          layerName(l) + "_sparsity",
          String.format(
              Locale.ROOT, "%.3f", (double) layer.zeroWeights() / layer.weights().length));
      configuration.put(
          layerName(l) + "_bits", Integer.toString(layer.bits() == 0 ? 32 : layer.bits()));
    }
    return new NetworkVariant(run.meanInference(firstLayer), run.accuracy(), configuration);
  }

  /** The compressed copy of the trained network one genome selects. */
  public SpikingNetwork network(int[] genes) {
    Checks.checkArgument(
        genes.length == parameters.size(),
        "expected %d network genes, got %d",
        parameters.size(),
        genes.length);
    SpikingNetwork copy = trained.copy();
    for (int l = firstGeneLayer; l < copy.layers().size(); l++) {
      DenseLayer layer = copy.denseLayer(l);
      String sparsity = SPARSITIES.get(genes[2 * (l - firstGeneLayer)]);
      String bits = WIDTHS.get(genes[2 * (l - firstGeneLayer) + 1]);
      // Prune first so that the step is fitted to the weights that survive.
      if (!KEEP.equals(sparsity)) {
        LayerCompression.prune(layer, Double.parseDouble(sparsity));
      }
      if (!KEEP.equals(bits)) {
        LayerCompression.quantize(layer, Integer.parseInt(bits));
      }
    }
    boolean modified = java.util.Arrays.stream(genes).anyMatch(g -> g != 0);
    if (fineTuneEpochs > 0 && modified) {
      fineTune(copy);
    }
    return copy;
  }

  /** Epochs of fine-tuning per compressed variant (0: none). */
  public int fineTuneEpochs() {
    return fineTuneEpochs;
  }

  // Every layer keeps its compressed sparsity (as a rewiring budget) and width (LSQ from the fitted
  // step).
  private void fineTune(SpikingNetwork network) {
    int depth = network.layers().size();
    List<WeightTransform> rewiring = new ArrayList<>();
    List<WeightTransform> quantisers = new ArrayList<>();
    float[][] steps = new float[depth][];
    for (int l = 0; l < depth; l++) {
      DenseLayer layer = network.denseLayer(l);
      int n = layer.weights().length;
      // Half a synapse below the zero fraction, so the budget floor((1 - s) n) is exactly the live
      // count.
      double sparsity = Math.max(0, (layer.zeroWeights() - 0.5) / n);
      rewiring.add(new GradientRewiring(SparsitySchedule.constant(sparsity)));
      if (layer.bits() >= 2 && layer.bits() <= 8) {
        quantisers.add(new LsqQuantizer(layer.bits()));
        steps[l] = new float[] {layer.scale()};
      } else {
        // Float layers (and widths LSQ does not train) are fine-tuned unquantised.
        quantisers.add(PerLayerTransform.IDENTITY);
      }
    }
    TrainingOptions options =
        TrainingOptions.builder()
            .learningRate(FINE_TUNE_LEARNING_RATE)
            .batchSize(32)
            .seed(seed)
            .cosineEpochs(fineTuneEpochs)
            .threads(1)
            .build();
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(
            network,
            options,
            List.of(
                new PerLayerTransform(rewiring, new float[depth][]),
                new PerLayerTransform(quantisers, steps)))) {
      for (int epoch = 0; epoch < fineTuneEpochs; epoch++) {
        trainer.trainEpoch(fineTuneData.trainFeatures(), fineTuneData.trainLabels(), epoch);
      }
    }
  }

  /** {@code fc2} for layer 1: the names {@link MeasuredRun} gives the layers. */
  static String layerName(int layer) {
    return "fc" + (layer + 1);
  }
}
