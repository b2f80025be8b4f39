package org.snncodesign.conversion.transformer;

import org.snncodesign.api.Checks;

/**
 * Shape of a small vision transformer (Dosovitskiy et al., ICLR 2021), pre-norm variant:
 * non-overlapping {@code patch x patch} patches are embedded linearly with a learned position
 * embedding, then {@code depth} blocks {@code x += MHSA(LN(x)); x += W2 ReLU(W1 LN(x))}, then mean
 * pooling over tokens, a final layer norm and a linear head. Mean pooling replaces the class token:
 * it is linear, so it folds into the spiking read-out.
 *
 * @param channels input channels C
 * @param height input height H (a multiple of {@code patch})
 * @param width input width W (a multiple of {@code patch})
 * @param patch patch side P
 * @param dim embedding width D (a multiple of {@code heads})
 * @param depth number of transformer blocks
 * @param heads attention heads
 * @param mlpDim hidden width of the MLP
 * @param classes outputs of the head
 */
public record VitConfig(
    int channels,
    int height,
    int width,
    int patch,
    int dim,
    int depth,
    int heads,
    int mlpDim,
    int classes) {
  public VitConfig {
    Checks.positive(channels, "channels");
    Checks.positive(patch, "patch");
    Checks.checkArgument(
        height > 0 && height % patch == 0,
        "height %d is not a positive multiple of patch %d",
        height,
        patch);
    Checks.checkArgument(
        width > 0 && width % patch == 0,
        "width %d is not a positive multiple of patch %d",
        width,
        patch);
    Checks.positive(heads, "heads");
    Checks.checkArgument(
        dim > 0 && dim % heads == 0, "dim %d is not a positive multiple of heads %d", dim, heads);
    Checks.positive(depth, "depth");
    Checks.positive(mlpDim, "mlpDim");
    Checks.positive(classes, "classes");
  }

  /** Number of tokens T (patches). */
  public int tokens() {
    return (height / patch) * (width / patch);
  }

  /** Values in one patch, {@code C * P * P}. */
  public int patchSize() {
    return channels * patch * patch;
  }

  /** Width of one head, {@code D / heads}. */
  public int headDim() {
    return dim / heads;
  }

  /** Values in one input sample. */
  public int inputSize() {
    return channels * height * width;
  }

  /** The default MNIST model: 7x7 patches (16 tokens), D = 48, 1 block, 4 heads, MLP 96. */
  public static VitConfig mnist() {
    return new VitConfig(1, 28, 28, 7, 48, 1, 4, 96, 10);
  }

  /**
   * The default model for the 8x8 UCI digits: 2x2 patches (16 tokens), D = 32, 1 block, 2 heads,
   * MLP 64.
   */
  public static VitConfig digits() {
    return new VitConfig(1, 8, 8, 2, 32, 1, 2, 64, 10);
  }
}
