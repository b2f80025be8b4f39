package org.snncodesign.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative link and image targets of a Markdown text: what a reader can follow to another file.
 */
final class MarkdownLinks {
  // [text](target) and ![alt](target), with an optional "title"; one level of brackets inside the
  // text.
  private static final Pattern LINK =
      Pattern.compile(
          "!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private MarkdownLinks() {}

  /**
   * The targets of the links and images outside code blocks and code spans, without their {@code
   * #anchor}; web addresses ({@code https:}, {@code mailto:}, ...) and links within the page
   * ({@code #...}) left out.
   */
  static List<String> relativeTargets(String markdown) {
    String prose = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
    List<String> targets = new ArrayList<>();
    Matcher link = LINK.matcher(prose);
    while (link.find()) {
      String target = link.group(1);
      int anchor = target.indexOf('#');
      String path = anchor >= 0 ? target.substring(0, anchor) : target;
      if (!path.isEmpty() && !SCHEME.matcher(path).find()) {
        targets.add(path);
      }
    }
    return targets;
  }
}
