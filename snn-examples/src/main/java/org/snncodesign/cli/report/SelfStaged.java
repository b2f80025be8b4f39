package org.snncodesign.cli.report;

import org.snncodesign.flow.report.StagedOutput;

/**
 * A command that stages its output itself with {@link StagedOutput}, so {@link OutputStaging}
 * leaves it be.
 */
public interface SelfStaged {}
