package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvLayerTest {

  private static ConvLayer randomLayer(
      int c, int h, int w, int oc, int k, int s, int p, Random random) {
    ConvLayer layer = new ConvLayer(c, h, w, oc, k, s, p);
    for (int i = 0; i < layer.weights().length; i++) {
      layer.weights()[i] = random.nextFloat() * 2 - 1;
    }
    for (int i = 0; i < oc; i++) {
      layer.bias()[i] = random.nextFloat() - 0.5f;
    }
    return layer;
  }

  /** The textbook gather form of the convolution, channel-last maps, HWIO weights. */
  private static float[] reference(ConvLayer l, float[] in) {
    float[] out = new float[l.outputs()];
    for (int oy = 0; oy < l.outHeight(); oy++) {
      for (int ox = 0; ox < l.outWidth(); ox++) {
        for (int co = 0; co < l.outChannels(); co++) {
          double sum = l.bias()[co];
          for (int ky = 0; ky < l.kernel(); ky++) {
            for (int kx = 0; kx < l.kernel(); kx++) {
              int y = oy * l.stride() + ky - l.padding();
              int x = ox * l.stride() + kx - l.padding();
              if (y < 0 || x < 0 || y >= l.height() || x >= l.width()) {
                continue;
              }
              for (int ci = 0; ci < l.inChannels(); ci++) {
                sum +=
                    l.weights()[
                            ((ky * l.kernel() + kx) * l.inChannels() + ci) * l.outChannels() + co]
                        * in[(y * l.width() + x) * l.inChannels() + ci];
              }
            }
          }
          out[(oy * l.outWidth() + ox) * l.outChannels() + co] = (float) sum;
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}x{1}x{2} -> {3} channels, k{4} s{5} p{6}")
  @CsvSource({
    "1, 6, 6, 2, 3, 1, 0",
    "2, 7, 5, 3, 3, 2, 1",
    "3, 8, 8, 4, 5, 2, 2",
    "1, 4, 4, 1, 4, 1, 0",
    "2, 9, 9, 2, 2, 3, 1"
  })
  @DisplayName(
      "the event-driven scatter equals the gather definition of the convolution, and so does its transpose")
  void scatterEqualsGather(int c, int h, int w, int oc, int k, int s, int p) {
    Random random = new Random(c * 31 + k);
    ConvLayer layer = randomLayer(c, h, w, oc, k, s, p, random);
    float[] in = new float[layer.inputs() + 3];
    for (int i = 3; i < in.length; i++) {
      in[i] = random.nextFloat() < 0.4f ? 0f : random.nextFloat();
    }
    float[] expected = reference(layer, java.util.Arrays.copyOfRange(in, 3, in.length));
    float[] out = new float[layer.outputs() + 2];
    LayerKernels.current(layer, in, 3, out, 2);
    for (int j = 0; j < expected.length; j++) {
      assertThat(out[2 + j]).as("neuron %d", j).isCloseTo(expected[j], within(1e-5f));
    }
    // The input gradient is the transpose: <g, W x> = <W^T g, x> for the bias-free part.
    float[] g = new float[layer.outputs()];
    for (int j = 0; j < g.length; j++) {
      g[j] = random.nextFloat() - 0.5f;
    }
    float[] gIn = new float[layer.inputs()];
    LayerKernels.backward(
        layer, in, 3, g, 0, new float[layer.weights().length], new float[oc], gIn, 0);
    double lhs = 0;
    for (int j = 0; j < g.length; j++) {
      lhs += g[j] * (expected[j] - layer.bias()[j % oc]);
    }
    double rhs = 0;
    for (int i = 0; i < gIn.length; i++) {
      rhs += gIn[i] * in[3 + i];
    }
    assertThat(rhs).isCloseTo(lhs, within(1e-3));
  }

  @Test
  @DisplayName(
      "average pooling sums each window over q^2, drops the ragged edge, and unpooling is its transpose")
  void poolingAndItsTranspose() {
    ConvLayer layer = new ConvLayer(1, 5, 5, 2, 1, 1, 0, 2);
    assertThat(layer.neurons()).isEqualTo(50);
    assertThat(layer.outputs()).isEqualTo(8);
    Random random = new Random(3);
    float[] spikes = new float[50 + 1];
    for (int i = 1; i < spikes.length; i++) {
      spikes[i] = random.nextBoolean() ? 1f : 0f;
    }
    float[] pooled = new float[8 + 2];
    java.util.Arrays.fill(pooled, 7f);
    LayerKernels.pool(layer, spikes, 1, pooled, 2);
    for (int py = 0; py < 2; py++) {
      for (int px = 0; px < 2; px++) {
        for (int c = 0; c < 2; c++) {
          float sum = 0;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              sum += spikes[1 + ((2 * py + dy) * 5 + 2 * px + dx) * 2 + c];
            }
          }
          assertThat(pooled[2 + (py * 2 + px) * 2 + c]).isEqualTo(sum / 4);
        }
      }
    }
    float[] g = new float[8];
    for (int i = 0; i < 8; i++) {
      g[i] = random.nextFloat() - 0.5f;
    }
    float[] gs = new float[50];
    java.util.Arrays.fill(gs, 9f);
    LayerKernels.unpool(layer, g, 0, gs, 0);
    double lhs = 0;
    double rhs = 0;
    for (int i = 0; i < 8; i++) {
      lhs += g[i] * pooled[2 + i];
    }
    for (int i = 0; i < 50; i++) {
      rhs += gs[i] * spikes[1 + i];
    }
    assertThat(rhs).isCloseTo(lhs, within(1e-6));
    assertThat(gs[(4 * 5 + 4) * 2]).isZero();
  }

  @Test
  @DisplayName("a kernel as large as the unpadded input is a fully connected layer")
  void fullKernelIsDense() {
    Random random = new Random(4);
    ConvLayer conv = randomLayer(2, 3, 3, 5, 3, 1, 0, random);
    assertThat(conv.outputs()).isEqualTo(5);
    DenseLayer dense = new DenseLayer(18, 5, conv.weights().clone(), conv.bias().clone(), 0, 0f);
    SpikingNetwork a =
        new SpikingNetwork(6, 0.9f, 0.5f, ResetMode.SUBTRACT, Readout.MEMBRANE, List.of(conv));
    SpikingNetwork b =
        new SpikingNetwork(6, 0.9f, 0.5f, ResetMode.SUBTRACT, Readout.MEMBRANE, List.of(dense));
    for (int trial = 0; trial < 20; trial++) {
      float[] x = new float[18];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextFloat();
      }
      assertThat(a.predict(x)).isEqualTo(b.predict(x));
    }
  }

  @Test
  @DisplayName("shapes that do not fit are refused with the layer and the sizes")
  void rejectsBadShapes() {
    assertThatThrownBy(() -> new ConvLayer(1, 4, 4, 2, 7, 1, 1))
        .hasMessageContaining("1x4x4")
        .hasMessageContaining("kernel does not fit");
    assertThatThrownBy(() -> new ConvLayer(1, 4, 4, 2, 3, 1, 0, new float[17], new float[2], 0, 0f))
        .hasMessageContaining("18 weights, got 17");
    assertThatThrownBy(() -> new ConvLayer(1, 4, 4, 2, 3, 1, 3)).hasMessageContaining("padding 3");
    ConvLayer first = new ConvLayer(1, 6, 6, 2, 3, 1, 0);
    ConvLayer wrong = new ConvLayer(4, 4, 2, 2, 3, 1, 1);
    assertThat(wrong.inputs()).isEqualTo(first.outputs());
    assertThatThrownBy(
            () ->
                new SpikingNetwork(
                    4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, List.of(first, wrong)))
        .hasMessageContaining("layer 1")
        .hasMessageContaining("4x4x2")
        .hasMessageContaining("2x4x4");
    assertThatThrownBy(
            () ->
                new SpikingNetwork(
                    4,
                    0.9f,
                    1f,
                    ResetMode.SUBTRACT,
                    Readout.SPIKE_COUNT,
                    List.of(first, new DenseLayer(30, 2))))
        .hasMessageContaining("30 inputs")
        .hasMessageContaining("32 outputs");
  }

  @Test
  @DisplayName(
      "architecture strings build conv layers of the right shapes and describe themselves back")
  void architectureStrings() {
    NetworkArchitecture arch = NetworkArchitecture.parse("1x28x28-c16k5s2-c32k3s2-10");
    assertThat(arch.layers()).hasSize(3);
    ConvLayer c1 = (ConvLayer) arch.layers().get(0);
    ConvLayer c2 = (ConvLayer) arch.layers().get(1);
    assertThat(c1.outputShape()).isEqualTo("16x12x12");
    assertThat(c2.outputShape()).isEqualTo("32x5x5");
    assertThat(arch.layers().get(2).inputs()).isEqualTo(800);
    assertThat(NetworkArchitecture.describe(arch.layers())).isEqualTo("1x28x28-c16k5s2-c32k3s2-10");
    assertThat(
            NetworkArchitecture.describe(NetworkArchitecture.parse("2x8x8-c4k3p1-20-3").layers()))
        .isEqualTo("2x8x8-c4k3p1-20-3");
    assertThat(NetworkArchitecture.parse("784-500-10").layers())
        .allMatch(l -> l instanceof DenseLayer);
    assertThat(NetworkArchitecture.parse("784x500x10").layers()).hasSize(2);
    assertThatThrownBy(() -> NetworkArchitecture.parse("1x8x8-10-c4k3"))
        .hasMessageContaining("c4k3")
        .hasMessageContaining("layer 1");
    assertThatThrownBy(() -> NetworkArchitecture.parse("1x4x4-c4k7"))
        .hasMessageContaining("layer 0")
        .hasMessageContaining("1x4x4");
    assertThatThrownBy(() -> NetworkArchitecture.parse("1x8x8-c4q3-2"))
        .hasMessageContaining("c4q3");
    NetworkArchitecture pooled = NetworkArchitecture.parse("1x28x28-c16k5p2a2-c32k5p2a2-10");
    assertThat(((ConvLayer) pooled.layers().get(0)).outputShape()).isEqualTo("16x14x14");
    assertThat(((ConvLayer) pooled.layers().get(0)).neuronShape()).isEqualTo("16x28x28");
    assertThat(((ConvLayer) pooled.layers().get(1)).outputShape()).isEqualTo("32x7x7");
    assertThat(pooled.layers().get(2).inputs()).isEqualTo(32 * 49);
    assertThat(NetworkArchitecture.describe(pooled.layers()))
        .isEqualTo("1x28x28-c16k5p2a2-c32k5p2a2-10");
    assertThatThrownBy(
            () ->
                SpikingNetwork.initialise(
                    "1x8x8-c2k3a2", 2, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 1))
        .hasMessageContaining("cannot pool");
    assertThatThrownBy(() -> NetworkArchitecture.parse("1x4x4-c2k3a3-2"))
        .hasMessageContaining("3x3 pooling")
        .hasMessageContaining("2x2 output");
  }

  @Test
  @DisplayName("a dense architecture string initialises exactly like the size array")
  void denseStringMatchesSizes() {
    SpikingNetwork a =
        SpikingNetwork.initialise(
            "16-12-4", 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 9);
    SpikingNetwork b =
        SpikingNetwork.initialise(
            new int[] {16, 12, 4}, 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 9);
    assertThat(a).isEqualTo(b);
    SpikingNetwork conv =
        SpikingNetwork.initialise(
            "1x6x6-c2k3-3", 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 9);
    assertThat(conv.toString()).contains("1x6x6-c2k3-3");
    assertThat(conv.synapses()).isEqualTo(9 * 2 + 32 * 3);
    assertThat(conv.isDense()).isFalse();
    assertThatThrownBy(() -> conv.denseLayer(0))
        .hasMessageContaining("layer 0")
        .hasMessageContaining("ConvLayer");
  }
}
