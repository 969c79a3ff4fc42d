package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code rolloutkit fmt}: lays YAML manifests out the one way (two-space indent, sequences at their
 * key's column, one space after a colon and after "-") and changes nothing else. Every scalar keeps
 * its text and style (so {@code 100} stays {@code 100}, {@code yes} stays {@code yes}, a quoted
 * {@code "on"} stays quoted); comments stay where they were; anchors, tags, flow collections
 * ({@code {}}, {@code [a, b]}) and document markers are kept ({@link YamlLayout}).
 *
 * <p>Nothing is written on trust: before a text is replaced, its formatted form is read back as
 * Kubernetes reads it ({@link Manifests}) and must give the same data, keep every comment, and
 * format to itself again. A text that fails any of these, or that Kubernetes cannot read, is left
 * exactly as it is, and the reason is returned. Files are all read before any is written, and each
 * is replaced through a temporary file and a rename ({@link AtomicFiles}).
 */
public final class YamlFormat {

  private YamlFormat() {}

  /** The outcome for one text: the formatted text, or why it is left as it is. */
  public record Result(String text, boolean changed, Optional<String> refused) {}

  /**
   * What {@link #files} did: the files changed (or, with check, that would change) and those left
   * unread or unformatted.
   */
  public record Report(List<Path> changed, List<String> refused) {}

  /**
   * {@code text} formatted, or the reason it is left as it is; {@code name} names it in reasons.
   */
  public static Result format(String name, String text) {
    if (YamlTrees.isJson(text)) {
      return new Result(text, false, Optional.empty()); // JSON is not laid out as YAML
    }
    List<YamlTrees.Document> before = YamlTrees.read(name, text);
    for (YamlTrees.Document d : before) {
      if (d.error() != null) {
        long p = d.error().position();
        return refuse(
            text,
            name
                + ":"
                + (Positions.line(p) + 1)
                + ":"
                + (Positions.column(p) + 1)
                + ": "
                + d.error().message());
      }
    }
    String formatted;
    try {
      formatted = layOut(text);
    } catch (YamlLayout.Unsupported e) {
      return refuse(text, name + ": left as it is: fmt does not lay out " + e.getMessage());
    } catch (YamlEngineException | IllegalArgumentException e) {
      return refuse(text, name + ": cannot be formatted: " + YamlTrees.firstLine(e.getMessage()));
    }
    String problem = differences(name, text, before, formatted);
    if (problem != null) {
      return refuse(text, name + ": left as it is: " + problem);
    }
    return new Result(formatted, !formatted.equals(text), Optional.empty());
  }

  private static Result refuse(String text, String why) {
    return new Result(text, false, Optional.of(why));
  }

  /**
   * Formats every manifest file under {@code paths} ({@link Manifests#files}): all are read and
   * formatted first; then, unless {@code check}, each changed one is replaced. A file that cannot
   * be read or formatted is named in the report and not touched.
   */
  public static Report files(List<Path> paths, boolean check) {
    return files(paths, check, AtomicFiles.DISK);
  }

  static Report files(List<Path> paths, boolean check, AtomicFiles.Sink sink) {
    List<Path> files = Manifests.files(paths);
    List<Path> changed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      try {
        TextInput.Text input = TextInput.read(file);
        // Line ends are laid out as LF and written back as the file had them.
        Result result =
            format(
                file.toString(), input.crlf() ? input.text().replace("\r\n", "\n") : input.text());
        if (result.refused().isPresent()) {
          refused.add(result.refused().get());
        } else if (result.changed()) {
          String out = input.crlf() ? result.text().replace("\n", "\r\n") : result.text();
          if (input.crlf() && out.equals(input.text())) {
            continue;
          }
          changed.add(file);
          texts.add((input.bom() ? "\uFEFF" : "") + out);
        }
      } catch (TextInput.Unreadable e) {
        refused.add(
            file + (e.line > 0 ? ":" + e.line + ":" + e.column : "") + ": " + e.getMessage());
      }
    }
    if (!check) {
      for (int i = 0; i < changed.size(); i++) {
        try {
          AtomicFiles.write(changed.get(i), texts.get(i), sink);
        } catch (IOException e) {
          refused.add(e.getMessage());
          changed.remove(i);
          texts.remove(i);
          i--;
        }
      }
    }
    return new Report(List.copyOf(changed), List.copyOf(refused));
  }

  /** The text laid out again ({@link YamlLayout}). */
  static String layOut(String text) {
    return YamlLayout.layOut(text);
  }

  /** What differs between the text and its formatted form, or null when nothing does. */
  private static String differences(
      String name, String text, List<YamlTrees.Document> before, String formatted) {
    List<YamlTrees.Document> after = YamlTrees.read(name, formatted);
    List<JsonNode> a = trees(before);
    List<JsonNode> b = new ArrayList<>();
    for (YamlTrees.Document d : after) {
      if (d.error() != null) {
        return "its formatted form would not be read by Kubernetes (" + d.error().message() + ")";
      }
      if (!d.empty()) {
        b.add(d.root());
      }
    }
    if (!a.equals(b)) {
      return "formatting would change what Kubernetes reads (snakeyaml-engine's emitter cannot lay"
          + " this text out faithfully)";
    }
    if (!comments(text).equals(comments(formatted))) {
      return "formatting would move or drop a comment (snakeyaml-engine keeps comments only in"
          + " common places)";
    }
    if (!layOut(formatted).equals(formatted)) {
      return "formatting is not stable for this text (a second pass would change it again)";
    }
    return null;
  }

  private static List<JsonNode> trees(List<YamlTrees.Document> documents) {
    List<JsonNode> trees = new ArrayList<>();
    for (YamlTrees.Document d : documents) {
      if (!d.empty()) {
        trees.add(d.root());
      }
    }
    return trees;
  }

  /** The comments of a text, in order. */
  private static List<String> comments(String text) {
    List<String> comments = new ArrayList<>();
    LoadSettings settings =
        LoadSettings.builder().setParseComments(true).setCodePointLimit(Integer.MAX_VALUE).build();
    Iterator<Event> events =
        new Parse(YamlTrees.forText(settings, text)).parseString(text).iterator();
    while (events.hasNext()) {
      Event e = events.next();
      if (e instanceof CommentEvent c && !c.getCommentType().name().equals("BLANK_LINE")) {
        comments.add(c.getValue().strip());
      }
    }
    return comments;
  }
}
