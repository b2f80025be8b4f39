/**
 * Liquid state machines: the liquid's structure and settings, its simulation on the engine, input
 * encoding and the liquid states a readout learns from.
 */
package org.snncodesign.learning.lsm;
