/**
 * SpikedAttention: conversion of a trained vision transformer into a one-spike, phase-coded SNN
 * (every activation one spike; attention products as spike-timing coincidences; softmax and layer
 * norm as spike shifts), with per-layer error measurement and the accuracy and energy report.
 */
package org.snncodesign.conversion.attention;
