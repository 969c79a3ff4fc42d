package dev.rolloutkit.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * What the docs' snippets print: {@link DocsTest} runs them with {@code System.out.} turned into
 * {@code DocsOut.}, one entry per printed line ending, so each is matched to the line that shows
 * it.
 */
public final class DocsOut {

  private static final List<String> CALLS = new ArrayList<>();
  private static final StringBuilder PENDING = new StringBuilder();

  private DocsOut() {}

  public static void println(Object value) {
    CALLS.add(PENDING + String.valueOf(value));
    PENDING.setLength(0);
  }

  public static void println() {
    println("");
  }

  public static void print(Object value) {
    PENDING.append(value);
    if (PENDING.toString().endsWith("\n")) {
      CALLS.add(PENDING.substring(0, PENDING.length() - 1));
      PENDING.setLength(0);
    }
  }

  public static void printf(String format, Object... args) {
    print(String.format(java.util.Locale.ROOT, format, args).replace(System.lineSeparator(), "\n"));
  }

  /** The entries from {@code from} on, each followed by NUL, then the count of all of them. */
  public static String since(int from) {
    StringBuilder out = new StringBuilder();
    for (String call : CALLS.subList(from, CALLS.size())) {
      out.append(call).append('\0');
    }
    return out.append(CALLS.size()).toString();
  }
}
