package org.snncodesign.cli;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The command reference of {@code docs/cli.md}: the usage help of {@code snn} and of every
 * subcommand, as picocli prints it for {@code --help}, in Markdown. Built on the same Guice-wired
 * command tree as {@link SnnCli}.
 */
final class CommandReference {
  /**
   * Wider than a terminal's 80 columns so that option descriptions wrap less; fixed so the text is
   * stable.
   */
  static final int WIDTH = 110;

  static final String BEGIN =
      "<!-- begin: generated from the picocli commands by CliReferenceTest; do not edit -->";
  static final String END = "<!-- end: generated -->";

  private CommandReference() {}

  /** The generated part: a table of contents, then each command's usage help in a code block. */
  static String markdown() {
    CommandLine root =
        new CommandLine(
            SnnCli.class,
            new GuiceFactory(Guice.createInjector(new SnnModule(PluginRegistry.discover()))));
    root.setUsageHelpWidth(WIDTH);
    List<CommandLine> commands = new ArrayList<>();
    collect(root, commands);

    StringBuilder text = new StringBuilder(BEGIN).append("\n\n");
    for (CommandLine command : commands) {
      String name = command.getCommandSpec().qualifiedName();
      String indent = "  ".repeat(name.split(" ").length - 1);
      text.append("%s- [%s](#%s)\n".formatted(indent, name, anchor(name)));
    }
    for (CommandLine command : commands) {
      String usage = command.getUsageMessage(Ansi.OFF).stripTrailing();
      text.append(
          "\n### %s\n\n```text\n%s\n```\n"
              .formatted(command.getCommandSpec().qualifiedName(), usage));
    }
    return text.append('\n').append(END).toString();
  }

  /**
   * {@code text} with the part between the markers replaced by {@code generated} (markers
   * included).
   */
  static String replaceGenerated(String text, String generated) {
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("docs/cli.md lacks the markers " + BEGIN + " ... " + END);
    }
    return text.substring(0, begin) + generated + text.substring(end + END.length());
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    if (command.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    into.add(command);
    // Subcommands in declaration order, each once (aliases map to the same CommandLine).
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }

  /** GitHub's heading anchor for a heading of plain words: lower case, spaces as hyphens. */
  private static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replace(' ', '-');
  }
}
