package org.snncodesign.conversion.attention;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Error of one spiking population against the ANN activation it replaces, accumulated over samples:
 * {@code sqrt(sum (snn - ann)^2 / sum ann^2)} (relative RMS) and the mean absolute error.
 *
 * @param layer population name (see {@link SpikingVit#layerNames})
 * @param relativeRmsError relative RMS error
 * @param meanAbsoluteError mean {@code |snn - ann|} per value
 * @param values values compared
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record LayerError(
    String layer, double relativeRmsError, double meanAbsoluteError, long values) {}
