package org.snncodesign.flow.graph;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a graph on the engine, as {@code snn nir run} reports it: the time step, the
 * integration, the input and each spiking node's spikes; Jackson writes it with snake-case keys in
 * this order.
 *
 * @param file the graph's file
 * @param dtS the time step in seconds
 * @param integration how the neuron equations were integrated
 * @param neuronModels the neuron model plugin that ran each neuron node, by node name
 * @param steps time steps run
 * @param input {@code spikes} or {@code analog values}
 * @param synapticEvents synaptic events delivered
 * @param spikes each spiking node's spikes, in name order
 * @param out the folder the recordings were written to
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record GraphRunReport(
    String file,
    double dtS,
    String integration,
    Map<String, String> neuronModels,
    int steps,
    String input,
    long synapticEvents,
    Map<String, NodeSpikes> spikes,
    String out) {

  /**
   * One node's spikes.
   *
   * @param count spikes in total
   * @param ratePerStep spikes per neuron and step
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record NodeSpikes(long count, double ratePerStep) {}

  /** The spike counts {@link RecordingCsv#writeSpikes} gave, by node name, in their order. */
  public static Map<String, NodeSpikes> byNode(List<RecordingCsv.SpikeCount> counts) {
    Map<String, NodeSpikes> spikes = new LinkedHashMap<>();
    counts.forEach(c -> spikes.put(c.node(), new NodeSpikes(c.count(), c.ratePerStep())));
    return spikes;
  }
}
