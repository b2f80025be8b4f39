/**
 * The stages of {@code snn demo}: data, encoding, network, compression, software run and hardware pricing, sharing
 * one context and report.
 */
package org.snncodesign.cli.demo;
