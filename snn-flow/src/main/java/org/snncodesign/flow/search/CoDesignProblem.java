package org.snncodesign.flow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.fpga.search.NetworkSpace;
import org.snncodesign.fpga.search.SearchProblem;
import org.snncodesign.fpga.search.SearchSpaces;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;

/**
 * A {@link CoDesignSearch}'s problem as data, so that an evaluator can ship it: {@link #open()}
 * rebuilds the same spaces on any JVM, the accelerator's design space from the plugins on its class
 * path and, for a joint search, the network (bit-exact from its JSON), the data set, the validation
 * half and the fine-tuning from the search's seed. Each JVM builds a problem's spaces once; the JVM
 * that runs the search starts with the ones it built.
 */
sealed interface CoDesignProblem extends SearchProblem {

  /** The search's settings. */
  CoDesignSearch.Settings settings();

  /** The network side, built from this problem's data. */
  NetworkSpace network();

  @Override
  default SearchSpaces open() {
    return Opened.spaces(this);
  }

  /** Builds the spaces anew (what {@link #open()} does once per JVM). */
  default SearchSpaces build() {
    return new SearchSpaces(
        CoDesignSearch.designSpace(PluginRegistry.discover(), settings().accelerator()),
        network(),
        EnergyTable.HOROWITZ_45NM);
  }

  /**
   * The accelerator alone on a fixed workload.
   *
   * @param settings the search's settings
   * @param workload what the designs run
   */
  record AcceleratorOnly(CoDesignSearch.Settings settings, Workload workload)
      implements CoDesignProblem {
    @Override
    public NetworkSpace network() {
      return NetworkSpace.fixed(workload);
    }
  }

  /**
   * Network genes and the accelerator together.
   *
   * @param settings the search's settings
   * @param networkJson the trained network ({@link SpikingNetworkJson})
   * @param dataset the data set's name for {@link TrainingData#load}
   * @param dataDir the folder of an IDX data set, null for the embedded digits
   */
  record Joint(CoDesignSearch.Settings settings, String networkJson, String dataset, String dataDir)
      implements CoDesignProblem {
    @Override
    public NetworkSpace network() {
      try {
        return JointData.of(
                settings,
                SpikingNetworkJson.fromJson(networkJson),
                TrainingData.load(
                    dataset, dataDir == null ? null : Path.of(dataDir), settings.search().seed()))
            .networks();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read data set "
                + dataset
                + (dataDir == null ? "" : " in " + dataDir)
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }

  /** The spaces this JVM has opened, the last few problems' (a search has at most two). */
  final class Opened {
    private static final int KEPT = 4;
    private static final Map<CoDesignProblem, SearchSpaces> SPACES =
        new LinkedHashMap<>(8, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<CoDesignProblem, SearchSpaces> eldest) {
            return size() > KEPT;
          }
        };

    private Opened() {}

    /**
     * Builds under the lock: tasks of one problem arriving together build its (possibly costly)
     * spaces once.
     */
    static synchronized SearchSpaces spaces(CoDesignProblem problem) {
      SearchSpaces spaces = SPACES.get(problem);
      if (spaces == null) {
        spaces = problem.build();
        SPACES.put(problem, spaces);
      }
      return spaces;
    }

    /** Starts this JVM with the spaces its search built, so that they are not built twice. */
    static synchronized void remember(CoDesignProblem problem, SearchSpaces spaces) {
      SPACES.put(problem, spaces);
    }
  }
}
