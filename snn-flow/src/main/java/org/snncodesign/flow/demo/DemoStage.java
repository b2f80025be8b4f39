package org.snncodesign.flow.demo;

/**
 * One step of the {@code snn demo} pipeline: data, encoding, network, compression, software run,
 * hardware.
 */
public interface DemoStage {

  /** Short name, used as the key of the stage's results in the report. */
  String name();

  /** One line on what the stage does, printed before it runs. */
  String description();

  /** Runs the stage, reading earlier stages' outputs from and adding its own to {@code context}. */
  void run(DemoContext context) throws Exception;
}
