package org.snncodesign.cli.report;

/** A command that stages its output itself with {@link StagedOutput}, so {@link OutputStaging} leaves it be. */
public interface SelfStaged {
}
