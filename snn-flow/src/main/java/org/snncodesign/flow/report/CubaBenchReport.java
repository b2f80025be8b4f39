package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.snncodesign.neurons.cuba.CubaResult;

/**
 * A run of the CUBA benchmark network ({@link CubaResult}), as {@code snn bench cuba} reports it;
 * Jackson writes it with snake-case keys in this order. The wall-clock figures vary from run to
 * run.
 *
 * @param mode {@code clock} or {@code event}
 * @param seed the network's seed
 * @param simSeconds biological time simulated, in seconds
 * @param neurons neurons
 * @param synapses synapses
 * @param spikes spikes
 * @param synapticEvents synaptic events delivered
 * @param meanRateHz mean firing rate
 * @param wallSeconds wall time of the timed run
 * @param wallSecondsPerSimSecond wall seconds per simulated second
 * @param synapticEventsPerSecond synaptic events per wall second
 * @param warmupSimSeconds biological time simulated before timing
 * @param repeats timed repeats
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record CubaBenchReport(
    String mode,
    long seed,
    double simSeconds,
    long neurons,
    long synapses,
    long spikes,
    long synapticEvents,
    double meanRateHz,
    double wallSeconds,
    double wallSecondsPerSimSecond,
    double synapticEventsPerSecond,
    double warmupSimSeconds,
    int repeats) {

  /** The report of {@code r}, a run from {@code seed} timed over {@code repeats} repeats. */
  public static CubaBenchReport of(CubaResult r, long seed, int repeats) {
    return new CubaBenchReport(
        r.mode(),
        seed,
        r.simSeconds(),
        r.neurons(),
        r.synapses(),
        r.spikes(),
        r.synapticEvents(),
        r.meanRateHz(),
        r.wallSeconds(),
        r.wallSecondsPerSimSecond(),
        r.synapticEventsPerSecond(),
        r.warmupSeconds(),
        repeats);
  }
}
