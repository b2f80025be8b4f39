package org.snncodesign.datasets.split;

import org.snncodesign.api.dataset.LabeledDataset;

/**
 * A data set cut into disjoint parts that together hold every sample once.
 *
 * @param train samples to fit on
 * @param validation samples to choose settings on (may be empty of samples)
 * @param test samples to report on
 */
public record DatasetSplit(LabeledDataset train, LabeledDataset validation, LabeledDataset test) {}
