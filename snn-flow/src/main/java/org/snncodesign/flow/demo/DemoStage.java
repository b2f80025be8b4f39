package org.snncodesign.flow.demo;

/**
 * One step of the {@code snn demo} pipeline: data, encoding, network, compression, software run,
 * hardware.
 *
 * @param <F> the stage's figures: a record Jackson writes under {@code stages.<name>} of the report
 */
public interface DemoStage<F> {

  /** Short name, used as the key of the stage's figures in the report. */
  String name();

  /** One line on what the stage does, printed before it runs. */
  String description();

  /**
   * Runs the stage, reading earlier stages' outputs from {@code context} and handing its own on.
   *
   * @return the stage's figures; null for a stage without figures, reported as an empty object
   */
  F run(DemoContext context) throws Exception;
}
