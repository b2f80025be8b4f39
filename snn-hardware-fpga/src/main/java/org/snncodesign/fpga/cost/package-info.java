/**
 * What the FPGA array models share: operation and memory-traffic ledgers, SRAM tiers and per-layer
 * totals turned into a report.
 */
package org.snncodesign.fpga.cost;
