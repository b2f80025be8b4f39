package org.snncodesign.fpga.search;

import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import org.snncodesign.api.Checks;

/**
 * The search a batch of {@link SearchTask}s belongs to, in a form an evaluator can ship: {@link
 * #open()} gives the same spaces on whichever machine runs the tasks (rebuilding them there from a
 * recipe, typically once per JVM).
 */
public interface SearchProblem extends Serializable {

  /**
   * The spaces the tasks run against; called once per batch on every JVM that runs some, so it
   * should be cheap.
   */
  SearchSpaces open();

  /**
   * A problem whose spaces exist only in this JVM: fine for in-process evaluation, refused when
   * shipped.
   */
  static SearchProblem inProcess(SearchSpaces spaces) {
    Checks.checkArgument(spaces != null, "spaces must be given");
    return new InProcess(spaces);
  }

  /** See {@link #inProcess}. */
  record InProcess(SearchSpaces spaces) implements SearchProblem {
    @Override
    public SearchSpaces open() {
      return spaces;
    }

    private Object writeReplace() throws ObjectStreamException {
      throw new NotSerializableException(
          "the spaces of this search exist only in this JVM; to evaluate it elsewhere"
              + " give the search a problem that rebuilds them (e.g. org.snncodesign.flow.search.CoDesignSearch's)");
    }
  }
}
