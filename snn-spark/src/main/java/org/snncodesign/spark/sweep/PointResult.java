package org.snncodesign.spark.sweep;

import java.io.Serializable;
import org.snncodesign.flow.sweep.SweepParameters;
import org.snncodesign.flow.sweep.SweepRecord;
import org.snncodesign.flow.sweep.SweepStep;

/**
 * The outcome of one point: its record, or the error that stopped it.
 *
 * @param point the point
 * @param record the step's record; {@code null} when the point failed
 * @param error what went wrong ({@code Type: message}); {@code null} when it succeeded
 * @param seconds wall time of the run
 */
public record PointResult(SweepPoint point, SweepRecord record, String error, double seconds)
    implements Serializable {

  /** True when the step returned a record. */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * Runs the point's step on this machine. A bad parameter or an exception in the step becomes a
   * failed result, so that one point never stops a sweep.
   */
  public static PointResult run(SweepPoint point) {
    long start = System.nanoTime();
    try {
      SweepStep step = SweepStep.named(point.step());
      SweepRecord record =
          step.run(SweepParameters.resolve(step, point.settingView()), point.seed());
      return new PointResult(point, record, null, seconds(start));
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // LinkageError: a step whose plugin jar is missing on this machine fails alone, like a bad
      // parameter.
      String message = e.getMessage() == null ? "" : ": " + e.getMessage();
      return new PointResult(point, null, e.getClass().getSimpleName() + message, seconds(start));
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
