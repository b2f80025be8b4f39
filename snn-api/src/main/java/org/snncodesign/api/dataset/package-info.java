/**
 * Data sets as plugins: a {@link org.snncodesign.api.dataset.DatasetProvider} reads one format or
 * source into a {@link org.snncodesign.api.dataset.LabeledDataset} of primitive-array samples.
 */
package org.snncodesign.api.dataset;
