package dev.rolloutkit.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

/**
 * The events SnakeYAML's parser gives for a text of {@link SubsetYamlEvents}' subset, with its values, styles and marks.
 * One difference Jackson cannot see: a plain scalar whose first character no implicit resolver of SnakeYAML's looks at
 * is a string whatever follows, so it is marked as one that needs no resolving (Jackson then skips the resolver's
 * patterns).
 */
final class SubsetYamlEventList implements SubsetYamlEvents.Sink {

  private static final String SOURCE = "reader";
  private static final int[] NO_SNIPPET = new int[0];
  private static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
  private static final ImplicitTuple NOT_PLAIN = new ImplicitTuple(false, true);
  /** The first characters for which SnakeYAML's resolver has patterns (booleans, numbers, merge, null, timestamps, tags). */
  static final String RESOLVER_FIRST_CHARACTERS = "yYnNtTfFoO-+0123456789.<~!&*";

  private final String text;
  private final List<Event> events = new ArrayList<>();
  private Mark end;

  SubsetYamlEventList(String text) {
    this.text = text;
    Mark start = mark(0L);
    events.add(new StreamStartEvent(start, start));
  }

  /** The events, ending with the stream's end. */
  List<Event> events() {
    Mark at = mark(SubsetYamlEvents.END);
    events.add(new StreamEndEvent(at, at));
    return events;
  }

  private Mark mark(long at) {
    if (at == SubsetYamlEvents.END) {
      if (end == null) {
        end = mark(SubsetYamlEvents.endMark(text));
      }
      return end;
    }
    return new Mark(SOURCE, SubsetYamlEvents.index(at), SubsetYamlEvents.line(at), SubsetYamlEvents.column(at), NO_SNIPPET, 0);
  }

  @Override
  public void documentStart(long at, boolean explicit) {
    events.add(new DocumentStartEvent(mark(at), mark(at), explicit, null, Map.of()));
  }

  @Override
  public void documentEnd(long at) {
    events.add(new DocumentEndEvent(mark(at), mark(at), false));
  }

  @Override
  public void mappingStart(long at, boolean flow) {
    events.add(new MappingStartEvent(null, null, true, mark(at), mark(at), style(flow)));
  }

  @Override
  public void mappingEnd(long at) {
    events.add(new MappingEndEvent(mark(at), mark(at)));
  }

  @Override
  public void sequenceStart(long at, boolean flow) {
    events.add(new SequenceStartEvent(null, null, true, mark(at), mark(at), style(flow)));
  }

  @Override
  public void sequenceEnd(long at) {
    events.add(new SequenceEndEvent(mark(at), mark(at)));
  }

  private static DumperOptions.FlowStyle style(boolean flow) {
    return flow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK;
  }

  @Override
  public void scalar(String value, SubsetYamlEvents.Style style, long at) {
    Mark m = mark(at);
    ImplicitTuple implicit = style != SubsetYamlEvents.Style.PLAIN
        || !value.isEmpty() && RESOLVER_FIRST_CHARACTERS.indexOf(value.charAt(0)) < 0 ? NOT_PLAIN : PLAIN;
    DumperOptions.ScalarStyle written = switch (style) {
      case PLAIN -> DumperOptions.ScalarStyle.PLAIN;
      case SINGLE_QUOTED -> DumperOptions.ScalarStyle.SINGLE_QUOTED;
      case DOUBLE_QUOTED -> DumperOptions.ScalarStyle.DOUBLE_QUOTED;
      case LITERAL -> DumperOptions.ScalarStyle.LITERAL;
    };
    events.add(new ScalarEvent(null, null, implicit, value, m, m, written));
  }
}
