package org.snncodesign.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.demo.DemoContext;
import org.snncodesign.flow.demo.DemoPipeline;
import org.snncodesign.flow.demo.DemoReport;
import org.snncodesign.flow.demo.DemoSummary;
import org.snncodesign.flow.demo.HardwareStage;
import org.snncodesign.flow.report.StagedOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn demo}: the main job. Runs the pipeline data -> encoding -> network -> compression ->
 * software run -> accelerator models on the embedded default data set, and writes a report. The
 * same seed gives the same report, byte for byte, except the wall-clock times under {@code
 * measured_timing} (and the training stage's {@code train_seconds}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the co-design pipeline end to end on the embedded default data set.")
final class DemoCommand implements Callable<Integer> {
  private final PluginRegistry registry;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Option(
      names = "--out",
      defaultValue = "snn-out/demo",
      description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--include-static",
      description =
          "Include each accelerator model's static (leakage) energy in "
              + "its energy and EDP (default: dynamic energy only; static energy is reported apart either way).")
  boolean includeStatic;

  @Inject
  DemoCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    DemoContext context = new DemoContext(registry, out, seed, System.err);
    context.put(HardwareStage.STATIC_POWER, StaticPower.of(includeStatic));
    DemoReport figures = DemoPipeline.run(DemoPipeline.demoStages(), context);
    ObjectNode report = JsonReport.of("demo", figures);
    Path reportFile = out.resolve("report.json");
    JsonReport.write(report, reportFile);
    System.err.println("report written to " + StagedOutput.shown(reportFile).toAbsolutePath());
    if (json) {
      JsonReport.printLine(report, System.out);
    } else {
      System.out.println(DemoSummary.render(figures));
    }
    return 0;
  }
}
