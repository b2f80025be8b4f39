package org.snncodesign.cli.neurons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.cli.CommandOutput;
import picocli.CommandLine;

class CubaBenchCommandTest {

  @Test
  @DisplayName("--json prints the CUBA figures, and both modes agree on spikes and events")
  void jsonReport() throws Exception {
    JsonNode event =
        CommandOutput.json(
            new CubaBenchCommand(),
            "--duration",
            "0.2",
            "--warmup",
            "0",
            "--mode",
            "event",
            "--repeats",
            "2",
            "--json");
    JsonNode clock =
        CommandOutput.json(
            new CubaBenchCommand(),
            "--duration",
            "0.2",
            "--warmup",
            "0",
            "--mode",
            "clock",
            "--json");
    assertThat(event.get("command").asText()).isEqualTo("bench cuba");
    assertThat(event.get("repeats").asInt()).isEqualTo(2);
    assertThat(event.get("sim_seconds").asDouble()).isEqualTo(0.2);
    assertThat(event.get("neurons").asLong()).isEqualTo(4000);
    assertThat(event.get("synapses").asLong()).isBetween(300_000L, 340_000L);
    assertThat(event.get("spikes").asLong()).isPositive();
    assertThat(event.get("synaptic_events").asLong()).isGreaterThan(event.get("spikes").asLong());
    assertThat(event.get("mean_rate_hz").asDouble()).isBetween(1.0, 50.0);
    assertThat(clock.get("spikes").asLong()).isEqualTo(event.get("spikes").asLong());
    assertThat(clock.get("synaptic_events").asLong())
        .isEqualTo(event.get("synaptic_events").asLong());
  }

  @Test
  @DisplayName("A non-positive duration or repeat count is refused with exit code 2")
  void badNumbers() {
    assertThat(new CommandLine(new CubaBenchCommand()).execute("--duration", "-1")).isEqualTo(2);
    assertThat(
            new CommandLine(new CubaBenchCommand()).execute("--duration", "0.01", "--repeats", "0"))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("An unknown mode is refused with exit code 2")
  void badMode() {
    assertThat(new CommandLine(new CubaBenchCommand()).execute("--mode", "fast")).isEqualTo(2);
  }
}
