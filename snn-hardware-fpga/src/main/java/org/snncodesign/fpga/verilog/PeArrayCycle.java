package org.snncodesign.fpga.verilog;

import org.snncodesign.api.Checks;

/**
 * One clock cycle of input to the PE array.
 *
 * @param reset synchronous reset of every register
 * @param valid the port offers {@code segment}; it is taken when the array is ready (valid/ready
 *     handshake)
 * @param segment what the data ports carry (random don't-care data when not valid)
 */
public record PeArrayCycle(boolean reset, boolean valid, PeArraySegment segment) {
  public PeArrayCycle {
    Checks.checkArgument(segment != null, "segment must be given (don't-care data when not valid)");
  }
}
