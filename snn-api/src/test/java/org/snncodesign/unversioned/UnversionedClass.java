package org.snncodesign.unversioned;

/** Lives outside every module's root package, so no module.properties is found above it. */
public final class UnversionedClass {}
