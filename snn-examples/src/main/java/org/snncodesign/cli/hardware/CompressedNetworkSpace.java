package org.snncodesign.cli.hardware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.cli.training.MeasuredRun;
import org.snncodesign.fpga.search.DesignParameter;
import org.snncodesign.fpga.search.NetworkSpace;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * The network genes of {@code snn hw search --network-genes}: for every priced layer of a trained fully connected
 * network (every layer when the analog-input first layer is priced as bit planes, else every layer but the first;
 * see {@link MeasuredRun.FirstLayer}), a weight sparsity ({@code keep} or a magnitude-pruning target) and a weight
 * width ({@code keep} or 8, 4, 3, 2 bits), applied with {@link LayerCompression} to a copy of the network.
 *
 * <p>Each variant is run on the validation samples with every spike recorded: its workload carries the measured
 * spike rates of the compressed network (pruning changes what the layers above receive), its weight densities
 * (quantisation may prune further) and widths, and its accuracy is what the search's floor is checked against.
 * Variants are built from copies, so concurrent calls are safe.
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

  /**
   * @param name the network's name, for reports
   * @param trained a fully connected network (not modified)
   * @param validation held-out samples the variants are run on
   * @param firstLayer how the workload prices the analog-input first layer; it has genes only when priced
   */
  public CompressedNetworkSpace(String name, SpikingNetwork trained, LabeledDataset validation,
      MeasuredRun.FirstLayer firstLayer) {
    Checks.checkArgument(trained.isDense(), "network genes need a fully connected network, got %s", trained);
    this.name = name;
    this.trained = trained.copy();
    this.validation = validation;
    this.firstLayer = firstLayer;
    this.firstGeneLayer = firstLayer == MeasuredRun.FirstLayer.BIT_PLANES ? 0 : 1;
    Checks.checkArgument(trained.layers().size() > firstGeneLayer,
        "network genes need a priced layer: %s has only its analog input layer, which is left out", trained);
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
      configuration.put(layerName(l) + "_sparsity",
          String.format(Locale.ROOT, "%.3f", (double) layer.zeroWeights() / layer.weights().length));
      configuration.put(layerName(l) + "_bits", Integer.toString(layer.bits() == 0 ? 32 : layer.bits()));
    }
    return new NetworkVariant(run.meanInference(firstLayer), run.accuracy(), configuration);
  }

  /** The compressed copy of the trained network one genome selects. */
  public SpikingNetwork network(int[] genes) {
    Checks.checkArgument(genes.length == parameters.size(), "expected %d network genes, got %d", parameters.size(),
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
    return copy;
  }

  /** {@code fc2} for layer 1: the names {@link MeasuredRun} gives the layers. */
  static String layerName(int layer) {
    return "fc" + (layer + 1);
  }
}
