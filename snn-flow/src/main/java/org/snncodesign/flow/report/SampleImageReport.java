package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One sample of a data set drawn as an image ({@link SampleImage}), as {@code snn data show}
 * reports it: the sample, the image written and, for a spike coding's raster, the coding and its
 * spikes; Jackson writes it with snake-case keys in this order.
 *
 * @param path the path or name the data set was read from
 * @param format the format it was read as
 * @param index the sample's index
 * @param label the sample's class name
 * @param shape the shape of one sample
 * @param image where the image ends up ({@link StagedOutput#shown})
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param coding the coding plugin of a raster; null for the sample itself
 * @param timeSteps the raster's time steps; null for the sample itself
 * @param spikes the raster's spikes; null for the sample itself
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleImageReport(
    String path,
    String format,
    int index,
    String label,
    List<Integer> shape,
    String image,
    int width,
    int height,
    String coding,
    Integer timeSteps,
    Long spikes) {}
