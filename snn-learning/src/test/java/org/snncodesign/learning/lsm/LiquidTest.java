package org.snncodesign.learning.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.sparse.CsrMatrix;

class LiquidTest {

  private static Liquid liquid(int neurons, double lambda, long seed) {
    return Liquid.create(
        LiquidParameters.builder()
            .neurons(neurons)
            .lambda(lambda)
            .inputChannels(3)
            .seed(seed)
            .build());
  }

  @Test
  @DisplayName("80 % of the neurons are excitatory and the grid holds them all")
  void excitatoryShare() {
    Liquid l = liquid(135, 2, 3);
    assertThat(l.excitatoryCount()).isEqualTo(108);
    int[] sides = Liquid.gridSides(135);
    assertThat(sides[0] * sides[1] * sides[2]).isGreaterThanOrEqualTo(135);
  }

  @Test
  @DisplayName(
      "excitatory rows carry positive weights, inhibitory rows negative ones, and nobody synapses onto itself")
  void signsFollowTypes() {
    Liquid l = liquid(200, 2, 5);
    CsrMatrix m = l.recurrent();
    for (int r = 0; r < m.rows(); r++) {
      for (int k = m.rowPointers()[r]; k < m.rowPointers()[r + 1]; k++) {
        assertThat(m.columnIndices()[k]).isNotEqualTo(r);
        if (l.isExcitatory(r)) {
          assertThat(m.values()[k]).isPositive();
        } else {
          assertThat(m.values()[k]).isNegative();
        }
      }
    }
  }

  @Test
  @DisplayName(
      "the number of synapses matches the sum of C exp(-(D/lambda)^2) over all pairs within 5 sigma")
  void synapseCountMatchesConnectionProbability() {
    LiquidParameters p = LiquidParameters.builder().neurons(343).lambda(2).seed(11).build();
    Liquid l = Liquid.create(p);
    double mean = 0;
    double variance = 0;
    for (int a = 0; a < l.neurons(); a++) {
      for (int b = 0; b < l.neurons(); b++) {
        if (a != b) {
          double q =
              p.connectionConstant(l.isExcitatory(a), l.isExcitatory(b))
                  * Math.exp(-l.distanceSquared(a, b) / 4.0);
          mean += q;
          variance += q * (1 - q);
        }
      }
    }
    assertThat((double) l.synapses())
        .isBetween(mean - 5 * Math.sqrt(variance), mean + 5 * Math.sqrt(variance));
  }

  @Test
  @DisplayName("connections are local: a smaller lambda gives fewer and shorter synapses")
  void lambdaControlsReach() {
    Liquid near = liquid(343, 1, 2);
    Liquid far = liquid(343, 3, 2);
    assertThat(near.synapses()).isLessThan(far.synapses());
    assertThat(meanDistance(near)).isLessThan(meanDistance(far));
  }

  private static double meanDistance(Liquid l) {
    CsrMatrix m = l.recurrent();
    double sum = 0;
    for (int r = 0; r < m.rows(); r++) {
      for (int k = m.rowPointers()[r]; k < m.rowPointers()[r + 1]; k++) {
        sum += Math.sqrt(l.distanceSquared(r, m.columnIndices()[k]));
      }
    }
    return sum / m.nonZeros();
  }

  @Test
  @DisplayName("the same seed draws the same liquid and another seed a different one")
  void seeded() {
    assertThat(liquid(100, 2, 9).recurrent()).isEqualTo(liquid(100, 2, 9).recurrent());
    assertThat(liquid(100, 2, 9).input()).isEqualTo(liquid(100, 2, 9).input());
    assertThat(liquid(100, 2, 9).recurrent()).isNotEqualTo(liquid(100, 2, 10).recurrent());
  }

  @Test
  @DisplayName("a sub-liquid keeps exactly the synapses among kept neurons, with their weights")
  void subLiquidKeepsInternalSynapses() {
    Liquid l = liquid(120, 2, 4);
    int[] keep = java.util.stream.IntStream.range(0, 120).filter(i -> i % 3 != 0).toArray();
    Liquid sub = l.subLiquid(keep);
    assertThat(sub.neurons()).isEqualTo(keep.length);
    int expected = 0;
    for (int a : keep) {
      for (int b : keep) {
        float w = l.recurrent().get(a, b);
        if (w != 0) {
          expected++;
        }
      }
    }
    assertThat(sub.synapses()).isEqualTo(expected);
    for (int i = 0; i < keep.length; i++) {
      for (int j = 0; j < keep.length; j++) {
        assertThat(sub.recurrent().get(i, j)).isEqualTo(l.recurrent().get(keep[i], keep[j]));
      }
      assertThat(sub.isExcitatory(i)).isEqualTo(l.isExcitatory(keep[i]));
      assertThat(sub.input().get(1, i)).isEqualTo(l.input().get(1, keep[i]));
    }
    assertThat(sub.originalIndex()).containsExactly(keep);
  }

  @Test
  @DisplayName("bad settings are refused with the setting's name")
  void badSettings() {
    assertThatThrownBy(() -> LiquidParameters.builder().neurons(0).build())
        .hasMessageContaining("neurons");
    assertThatThrownBy(
            () -> LiquidParameters.builder().connectionConstants(1.5, 0.2, 0.4, 0.1).build())
        .hasMessageContaining("cEE");
    assertThatThrownBy(() -> LiquidParameters.builder().lambda(-1).build())
        .hasMessageContaining("lambda");
    assertThatThrownBy(() -> liquid(10, 2, 1).subLiquid(new int[] {3, 2}))
        .hasMessageContaining("ascend");
  }
}
