package org.snncodesign.flow.report;

import org.snncodesign.api.Checks;

/** A text progress bar for the terminal, e.g. {@code [#####...............]} at 5 of 20. */
public final class ProgressBar {
  private ProgressBar() {}

  /**
   * {@code done} of {@code total} as {@code width} characters between brackets, {@code #} for the
   * part done (rounded down) and {@code .} for the rest.
   */
  public static String of(int done, int total, int width) {
    Checks.checkArgument(
        total > 0 && done >= 0 && done <= total && width > 0,
        "progress %s of %s in %s characters",
        done,
        total,
        width);
    int filled = (int) ((long) done * width / total);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
