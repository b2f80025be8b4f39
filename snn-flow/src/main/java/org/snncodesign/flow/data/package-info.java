/**
 * The flow's data step: labelled data sets loaded, split and scaled for training and conversion.
 */
package org.snncodesign.flow.data;
