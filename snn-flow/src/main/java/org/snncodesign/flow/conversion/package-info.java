/**
 * The flow's conversion step: a CNN ({@link org.snncodesign.flow.conversion.CnnConversion}) or a
 * vision transformer ({@link org.snncodesign.flow.conversion.VitConversion}) converted to a spiking
 * network and measured against the ANN, by {@link
 * org.snncodesign.flow.conversion.ConversionSettings}, with the coding taken by plugin name ({@link
 * org.snncodesign.flow.conversion.ConversionCoding}).
 */
package org.snncodesign.flow.conversion;
