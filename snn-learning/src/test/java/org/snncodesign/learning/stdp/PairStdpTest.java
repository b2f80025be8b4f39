package org.snncodesign.learning.stdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

class PairStdpTest {

  private static CsrMatrix one(float w) {
    return new CsrMatrix(1, 1, new int[] {0, 1}, new int[] {0}, new float[] {w});
  }

  private static SpikeRaster spikesAt(int steps, int... times) {
    SpikeRaster r = new SpikeRaster(steps, 1);
    for (int t : times) {
      r.set(t, 0);
    }
    return r;
  }

  @Test
  @DisplayName(
      "pre 5 ms before post potentiates by a_plus e^{-5/20}, post before pre depresses by a_minus e^{-5/20}")
  void pairWindow() {
    PairStdp stdp = new PairStdp();
    CsrMatrix w = one(0.5f);
    LearningRule.WeightUpdate up = stdp.apply(spikesAt(20, 5), spikesAt(20, 10), w, 1e-3, Map.of());
    assertThat(w.values()[0]).isCloseTo((float) (0.5 + 0.01 * Math.exp(-0.25)), within(1e-6f));
    assertThat(up.potentiated()).isEqualTo(1);
    CsrMatrix w2 = one(0.5f);
    LearningRule.WeightUpdate down =
        stdp.apply(spikesAt(20, 10), spikesAt(20, 5), w2, 1e-3, Map.of());
    assertThat(w2.values()[0]).isCloseTo((float) (0.5 - 0.0105 * Math.exp(-0.25)), within(1e-6f));
    assertThat(down.depressed()).isEqualTo(1);
    assertThat(down.totalChange()).isCloseTo(0.0105 * Math.exp(-0.25), within(1e-6));
  }

  @Test
  @DisplayName("simultaneous spikes change nothing and weights stay within [w_min, w_max]")
  void boundsAndCoincidence() {
    PairStdp stdp = new PairStdp();
    CsrMatrix w = one(0.5f);
    stdp.apply(spikesAt(10, 3), spikesAt(10, 3), w, 1e-3, Map.of());
    assertThat(w.values()[0]).isEqualTo(0.5f);
    CsrMatrix high = one(0.99f);
    SpikeRaster pre = new SpikeRaster(200, 1);
    SpikeRaster post = new SpikeRaster(200, 1);
    for (int t = 0; t < 199; t += 2) {
      pre.set(t, 0);
      post.set(t + 1, 0);
    }
    stdp.apply(pre, post, high, 1e-3, Map.of("a_minus", 0.0));
    assertThat(high.values()[0]).isEqualTo(1f);
  }

  @Test
  @DisplayName(
      "the rule is found by ServiceLoader as 'stdp' and refuses unknown parameters by name")
  void plugin() {
    boolean found = false;
    for (LearningRule rule : ServiceLoader.load(LearningRule.class)) {
      found |= rule.name().equals("stdp");
    }
    assertThat(found).isTrue();
    assertThatThrownBy(
            () ->
                new PairStdp().apply(spikesAt(5), spikesAt(5), one(0.1f), 1e-3, Map.of("tau", 1.0)))
        .hasMessageContaining("'tau'");
  }
}
