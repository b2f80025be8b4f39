/**
 * The co-design demo as a library recipe ({@link org.snncodesign.flow.demo.DemoPipeline}): stages
 * for plugins, training, software run, hardware pricing and a pruned liquid state machine, sharing
 * one {@link org.snncodesign.flow.demo.DemoContext} (typed values handed from stage to stage, and
 * one JSON report), and the report's terminal summary.
 */
package org.snncodesign.flow.demo;
