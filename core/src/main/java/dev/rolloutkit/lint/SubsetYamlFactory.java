package dev.rolloutkit.lint;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.events.Event;

/**
 * Jackson's YAML factory, reading texts in {@link SubsetYamlEvents}' subset from that scanner's events instead of
 * SnakeYAML's (several times faster; the same tokens, values and locations), and every other text with SnakeYAML, which
 * also reports its errors. Only {@link #createParser(String)} takes the shortcut; lint reads most texts of the subset
 * without a parser ({@link SubsetYamlDocuments}) and this one those holding numbers only the parser reads.
 */
final class SubsetYamlFactory extends YAMLFactory {

  SubsetYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  private SubsetYamlFactory(SubsetYamlFactory source) {
    super(source, null);
  }

  @Override
  public YAMLFactory copy() {
    return new SubsetYamlFactory(this);
  }

  @Override
  public YAMLParser createParser(String content) throws IOException {
    List<Event> events = SubsetYamlEvents.read(content);
    if (events == null) {
      return super.createParser(content);
    }
    IOContext context = _createContext(_createContentReference(content), true);
    return new EventsParser(context, _parserFeatures, _yamlParserFeatures, _objectCodec, new StringReader(content), events);
  }

  /** Jackson's YAML parser over a list of events made beforehand (its SnakeYAML parser is never asked). */
  private static final class EventsParser extends YAMLParser {
    private final List<Event> events;
    private int next;

    EventsParser(IOContext context, int parserFeatures, int formatFeatures, ObjectCodec codec, StringReader reader,
        List<Event> events) {
      super(context, parserFeatures, formatFeatures, codec, reader, null);
      this.events = events;
    }

    @Override
    protected Event getEvent() {
      return next < events.size() ? events.get(next++) : null;
    }
  }
}
