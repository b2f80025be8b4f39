package org.snncodesign.datasets.idx;

/**
 * Images read from an IDX file of rank 3 and type unsigned byte: {@code count} images of {@code
 * rows x columns} pixels, values 0..255 as floats, image-major then row-major.
 *
 * @param source the file read
 * @param count number of images
 * @param rows pixel rows per image
 * @param columns pixel columns per image
 * @param pixels {@code count * rows * columns} values in {@code [0, 255]}
 */
public record IdxImages(String source, int count, int rows, int columns, float[] pixels) {}
