package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.options.OptionBounds;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every numeric option of every command, given values no command can use (not a number, NaN,
 * infinities, beyond the type, and for options with a range just outside it), ends in one clear
 * line and exit code 2 before any work.
 */
@DisplayName("Bad option values")
class BadOptionValuesTest {
  private static final List<String> NOT_REALS = List.of("NaN", "-Infinity", "1e999", "abc");
  private static final List<String> NOT_WHOLE_NUMBERS =
      List.of("99999999999999999999", "1.5", "abc");

  /**
   * One command tree's wiring for all cases (each case still parses into fresh command objects).
   */
  private static final Injector INJECTOR =
      Guice.createInjector(new SnnModule(PluginRegistry.discover()));

  /** (command path, option, bad value) for every numeric option of every command. */
  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    collect(commandTree(), cases);
    return cases.stream();
  }

  private static void collect(CommandLine command, List<Arguments> cases) {
    CommandSpec spec = command.getCommandSpec();
    for (OptionSpec option : spec.options()) {
      Class<?> type =
          option.type().isArray()
              ? option.type().getComponentType()
              : option.auxiliaryTypes()[option.auxiliaryTypes().length - 1];
      if (!isNumber(type)) {
        continue;
      }
      boolean real =
          type == double.class
              || type == Double.class
              || type == float.class
              || type == Float.class;
      List<String> values = new ArrayList<>(real ? NOT_REALS : NOT_WHOLE_NUMBERS);
      OptionBounds.range(option.longestName()).ifPresent(range -> values.add(range.outside(real)));
      for (String value : values) {
        cases.add(Arguments.of(spec.qualifiedName(), option.longestName(), value));
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommandSpec().name().equals(spec.name())) {
        continue;
      }
      collect(sub, cases);
    }
  }

  private static CommandLine commandTree() {
    return new CommandLine(SnnCli.class, new GuiceFactory(INJECTOR));
  }

  private static boolean isNumber(Class<?> type) {
    return type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class;
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("badValues")
  @DisplayName(
      "a bad numeric value ends in one line naming the command and the option, exit code 2")
  void refusedInOneLine(String command, String option, String value, @TempDir Path dir) {
    List<String> args =
        new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
    args.add(option);
    args.add(value);
    args.addAll(requiredPositionals(command, dir));
    CommandOutput run =
        CommandOutput.capture(err -> SnnCli.execute(INJECTOR, args.toArray(String[]::new)));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    String err = run.err().strip();
    assertThat(err.lines()).as(err).hasSize(1);
    assertThat(err)
        .startsWith(command + ": ")
        .contains(option)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  @DisplayName(
      "a size that needs more memory than the JVM has is refused with the estimate and the limit")
  void sizeBeyondMemory() {
    CommandOutput run = CommandOutput.ofCli("lsm", "--liquid", "100000000");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--liquid 100000000 needs about").contains("the JVM has");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "train --reset foo | snn train: --reset foo is not known; choose one of subtract, zero",
        "hw verilog --block foo | snn hw verilog: Invalid value for option '--block': --block foo is not known; choose "
            + "one of",
        "lsm sastl --rule foo | snn lsm sastl: --rule foo is not known; choose one of resume, perceptron",
        "convert --dataset foo | snn convert: --dataset foo is not known; choose one of mnist, fashion-mnist, "
            + "idx:NAME",
        "hw estimate --dataset foo | snn hw evaluate: --dataset foo is not known; choose one of digits, mnist, fashion-mnist, "
            + "idx:NAME",
        "hw search --space foo --random 1 --generations 0 | snn hw search: no Accelerator plugin named 'foo'; "
            + "available:"
      })
  @DisplayName("an unknown name is refused in one line with the valid choices, exit code 2")
  void unknownName(String args, String expected) {
    CommandOutput run = CommandOutput.ofCli(args.split(" "));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith(expected)
        .doesNotContain("Exception")
        .doesNotContain("unexpected");
  }

  /**
   * A value for each required positional parameter, so that the option is what the command trips
   * over.
   */
  private static List<String> requiredPositionals(String command, Path dir) {
    CommandLine line = commandTree();
    for (String name : List.of(command.split(" ")).subList(1, command.split(" ").length)) {
      line = line.getSubcommands().get(name);
    }
    List<String> values = new ArrayList<>();
    for (PositionalParamSpec positional : line.getCommandSpec().positionalParameters()) {
      if (positional.required()) {
        values.add(dir.resolve("input").toString());
      }
    }
    return values;
  }
}
