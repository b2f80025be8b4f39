package org.snncodesign.fpga.systolic;

/**
 * Which operand stays in the processing elements of the systolic array while the others stream
 * past.
 */
public enum Dataflow {
  /**
   * Weight-stationary: PE (r, c) holds weight {@code w[i0 + r][j0 + c]}; spike vectors of one time
   * step enter the rows and partial sums flow down the columns into the output buffer. A weight
   * tile is loaded once per batch of time steps and reused by every step of the batch.
   */
  WEIGHT_STATIONARY("ws"),
  /**
   * Output-stationary: PE (r, c) accumulates the synaptic input of output {@code j0 + c} at time
   * step {@code t0 + r}; the weight row of input {@code i} streams down the columns once and serves
   * all the array's time steps, while spikes stream along the rows.
   */
  OUTPUT_STATIONARY("os");

  private final String label;

  Dataflow(String label) {
    this.label = label;
  }

  /** Short label: {@code ws} or {@code os}. */
  public String label() {
    return label;
  }

  /** Parses {@code ws} / {@code os} (or the enum name). */
  public static Dataflow parse(String text) {
    for (Dataflow d : values()) {
      if (d.label.equalsIgnoreCase(text) || d.name().equalsIgnoreCase(text)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dataflow '" + text + "'; expected ws or os");
  }
}
