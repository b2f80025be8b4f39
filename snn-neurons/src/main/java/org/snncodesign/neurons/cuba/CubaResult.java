package org.snncodesign.neurons.cuba;

/**
 * Figures of one timed CUBA run.
 *
 * @param mode propagation mode name ("clock" or "event")
 * @param simSeconds biological time simulated
 * @param neurons neurons in the network
 * @param synapses synapses in the network
 * @param spikes spikes in the timed run
 * @param synapticEvents synaptic events delivered in the timed run
 * @param meanRateHz mean firing rate over neurons and the timed run
 * @param wallSeconds wall-clock time of the timed run (after warm-up; the median when repeated)
 * @param buildSeconds wall-clock time to build the network
 * @param warmupSeconds biological time run first to warm up the JIT (not timed)
 */
public record CubaResult(
    String mode,
    double simSeconds,
    long neurons,
    long synapses,
    long spikes,
    long synapticEvents,
    double meanRateHz,
    double wallSeconds,
    double buildSeconds,
    double warmupSeconds) {

  /** Synaptic events per second of wall time. */
  public double synapticEventsPerSecond() {
    return wallSeconds > 0 ? synapticEvents / wallSeconds : 0;
  }

  /** Wall-clock seconds per simulated second. */
  public double wallSecondsPerSimSecond() {
    return simSeconds > 0 ? wallSeconds / simSeconds : 0;
  }

  /** One-line JSON with snake_case keys. */
  public String toJson() {
    return String.format(
        java.util.Locale.ROOT,
        "{\"mode\":\"%s\",\"sim_seconds\":%s,\"neurons\":%d,\"synapses\":%d,\"spikes\":%d,"
            + "\"synaptic_events\":%d,\"mean_rate_hz\":%.4f,\"wall_seconds\":%.6f,"
            + "\"wall_seconds_per_sim_second\":%.6f,\"synaptic_events_per_second\":%.1f,\"build_seconds\":%.4f,"
            + "\"warmup_sim_seconds\":%s}",
        mode,
        simSeconds,
        neurons,
        synapses,
        spikes,
        synapticEvents,
        meanRateHz,
        wallSeconds,
        wallSecondsPerSimSecond(),
        synapticEventsPerSecond(),
        buildSeconds,
        warmupSeconds);
  }
}
