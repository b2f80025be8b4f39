package org.snncodesign.fpga.cost;

import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.Operation;

/**
 * Which of the energy table's three SRAM sizes prices an access to a buffer of a given capacity.
 *
 * <p>Horowitz (ISSCC 2014) gives 64-bit read energies for 8 KB, 32 KB and 1 MB arrays only; a
 * buffer is priced at the smallest listed size that holds it (a 16 KB buffer as 32 KB, a 128 KB one
 * as 1 MB), which errs on the expensive side. Writes are priced as reads, since the table has no
 * write figures.
 */
public enum SramTier {
  /** Up to 8 KB. */
  KB8(8 * 1024, Operation.SRAM_READ_8KB, "8kb"),
  /** Up to 32 KB. */
  KB32(32 * 1024, Operation.SRAM_READ_32KB, "32kb"),
  /** Anything larger (the 1 MB figure). */
  MB1(Long.MAX_VALUE, Operation.SRAM_READ_1MB, "1mb");

  private final long capacityBytes;
  private final Operation operation;
  private final String label;

  SramTier(long capacityBytes, Operation operation, String label) {
    this.capacityBytes = capacityBytes;
    this.operation = operation;
    this.label = label;
  }

  /** The tier's size as it appears in energy component names, e.g. {@code 32kb}. */
  public String label() {
    return label;
  }

  /** The energy-table operation of one 64-bit access. */
  public Operation operation() {
    return operation;
  }

  /** The tier pricing a buffer of {@code bytes}. */
  public static SramTier forBytes(long bytes) {
    Checks.checkArgument(bytes > 0, "buffer size must be > 0 bytes, got %d", bytes);
    for (SramTier tier : values()) {
      if (bytes <= tier.capacityBytes) {
        return tier;
      }
    }
    return MB1;
  }
}
