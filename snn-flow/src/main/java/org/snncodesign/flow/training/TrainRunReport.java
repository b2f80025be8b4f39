package org.snncodesign.flow.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;

/**
 * What {@code snn train} reports: the NIR export's check, the training's figures (flat, as {@link
 * TrainingReport} names them) and the files written. Jackson writes it with snake-case keys in this
 * order; the NIR check and the chart are left out when they were not made.
 *
 * @param nirExport the exported graph's check on the engine, or null without an export
 * @param training the training's figures
 * @param modelFile the trained network's file
 * @param csvFile the per-epoch log
 * @param pngFile the learning curve, or null when it was skipped
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainRunReport(
    NirCheck nirExport,
    @JsonUnwrapped TrainingReport training,
    String modelFile,
    String csvFile,
    String pngFile) {

  /**
   * A NIR export read back and run on the event-driven engine.
   *
   * @param file the NIR file
   * @param dtS the time step in seconds the file states
   * @param integration how the engine integrated the neuron equations
   * @param engineTestAccuracy the re-imported graph's test accuracy on the engine
   * @param engineTestSamples test samples classified
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record NirCheck(
      String file,
      double dtS,
      String integration,
      double engineTestAccuracy,
      int engineTestSamples) {

    /**
     * This check naming {@code shown} as its file: the place a user finds the file, when it was
     * written into a staging folder that is moved there at the end.
     *
     * @param shown the file's final place
     * @return the same check with {@code file} set to {@code shown}
     */
    public NirCheck shownAs(Path shown) {
      return new NirCheck(
          shown.toString(), dtS, integration, engineTestAccuracy, engineTestSamples);
    }
  }
}
