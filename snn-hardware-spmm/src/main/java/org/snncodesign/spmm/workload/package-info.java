/** Seeded synthetic operands of spike x weight products, for tests and benchmarks. */
package org.snncodesign.spmm.workload;
