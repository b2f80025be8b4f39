/**
 * {@code snn data}: data-set inspection and sample rendering. {@code info} prints a data set's
 * format, sample count, shape, value range and label histogram; {@code show} renders one sample
 * (image, event frame or waveform) or the spike raster its encoding gives as PNG. The commands
 * parse and print; the work is in snn-datasets and snn-flow.
 */
package org.snncodesign.cli.data;
