/**
 * Checked binary input: reads that name what they expect and fail with the file and byte offset.
 */
package org.snncodesign.datasets.io;
