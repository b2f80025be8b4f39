/**
 * The UCI optical-recognition handwritten digits (Alpaydin &amp; Kaynak 1998, CC BY 4.0), embedded
 * in the jar as the framework's default data set, and its {@code uci-digits} provider.
 */
package org.snncodesign.datasets.digits;
