package org.snncodesign.api.hardware;

import java.util.List;
import org.snncodesign.api.Checks;

/**
 * A design space of listed values per parameter around a base design point, the shape of every
 * array family's space: a genome picks one listed value per parameter, and the family turns those
 * values into an accelerator.
 *
 * @param <C> the family's design point type
 */
public abstract class ListedDesignSpace<C> implements DesignSpace {
  private final String name;
  private final List<DesignParameter> parameters;

  /** The design point the genes modify; what the space does not search comes from it. */
  protected final C base;

  protected ListedDesignSpace(String name, List<DesignParameter> parameters, C base) {
    this.name = name;
    this.parameters = List.copyOf(parameters);
    this.base = base;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<DesignParameter> parameters() {
    return parameters;
  }

  @Override
  public Accelerator build(int[] genes) {
    checkLength(genes);
    return decode(genes);
  }

  /** Rejects a genome of the wrong length, naming both lengths. */
  protected final void checkLength(int[] genes) {
    Checks.checkArgument(
        genes.length == parameters.size(),
        "expected %d genes, got %d",
        parameters.size(),
        genes.length);
  }

  /** The accelerator of a genome of the right length. */
  protected abstract Accelerator decode(int[] genes);

  /** The listed value gene {@code k} selects, as written. */
  protected final String text(int[] genes, int k) {
    return parameters.get(k).values().get(genes[k]);
  }

  /** The listed value gene {@code k} selects, for an integer parameter. */
  protected final int value(int[] genes, int k) {
    return Integer.parseInt(text(genes, k));
  }
}
