/**
 * Network x accelerator co-search for the least energy-delay product under a resource budget, with
 * the searched design spaces and baselines.
 */
package org.snncodesign.fpga.search;
