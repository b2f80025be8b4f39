package org.snncodesign.conversion.attention;

/**
 * Error of one spiking population against the ANN activation it replaces, accumulated over samples:
 * {@code sqrt(sum (snn - ann)^2 / sum ann^2)} (relative RMS) and the mean absolute error.
 *
 * @param layer population name (see {@link SpikingVit#layerNames})
 * @param relativeRmsError relative RMS error
 * @param meanAbsoluteError mean {@code |snn - ann|} per value
 * @param values values compared
 */
public record LayerError(
    String layer, double relativeRmsError, double meanAbsoluteError, long values) {}
