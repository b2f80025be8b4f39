package org.snncodesign.examples;

import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.conversion.snn.ConvertedNetwork;
import org.snncodesign.conversion.snn.OneSpikeSimulator;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.snn.SnnEvaluation;
import org.snncodesign.conversion.training.AnnTrainer;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.conversion.training.TrainingSettings;
import org.snncodesign.flow.data.TrainingData;

/**
 * A small CNN trained on the embedded 8x8 digits and converted to a one-spike phase-coded SNN, in
 * which every neuron fires at most once per layer window and the phase of its spike carries the
 * value; the SNN runs the held-out digits and is compared with the ANN in accuracy, operations and
 * energy.
 *
 * <pre>java -cp snn-examples/target/snn.jar org.snncodesign.examples.ConvertCnnToOneSpike [seed]
 * </pre>
 */
public final class ConvertCnnToOneSpike {
  private ConvertCnnToOneSpike() {}

  /**
   * Runs the example.
   *
   * @param args an optional seed (default 1)
   */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    TrainingData digits = TrainingData.digits(seed);
    TensorShape image = new TensorShape(1, 8, 8);
    LabeledImages train =
        new LabeledImages(image, digits.trainFeatures(), digits.trainLabels(), digits.classes());
    LabeledImages test =
        new LabeledImages(image, digits.testFeatures(), digits.testLabels(), digits.classes());

    // conv 3x3 (16 filters, padded) - ReLU - average pool 2 - dense 64 - ReLU - dense 10,
    // He-uniform weights.
    AnnModel cnn = CnnArchitectures.digits(seed);
    AnnNetwork ann = new AnnNetwork(cnn);
    // Adam, 10 epochs; a step of 1e-2 (decayed by 0.7 per epoch) suits this small training set.
    new AnnTrainer(TrainingSettings.adam(10, seed).withLearningRate(1e-2))
        .train(ann, train, null, line -> {});

    // Threshold balancing: each layer is scaled by the 99.9th percentile of its activations on
    // training images.
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(cnn, train);
    // Base 2^(1/2), 8 octaves: K = 16 phases per layer, and a phase weight is a shift of one of two
    // weight copies.
    PhaseCoding coding = PhaseCoding.rootOfTwo(2, 8);
    SnnEvaluation run = new OneSpikeSimulator(snn, coding).evaluate(test, 1);
    ConversionReport report =
        ConversionReport.of(
            digits.name(), snn, ann.accuracy(test, 1), run, coding, EnergyTable.HOROWITZ_45NM, 0);
    System.out.printf(
        "%s: %d stages, %,d synapses, %d held-out digits%n",
        snn.name(), snn.stageCount(), snn.synapses(), run.samples());
    System.out.println(report.tableRow());
  }
}
