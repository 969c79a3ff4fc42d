package dev.rolloutkit.manifest;

/**
 * Where something was read: file, line and column, all 1-based (columns count characters, as
 * editors do).
 *
 * <pre>
 * {@code SourceLocation.of("deploy/rollout.yaml", 12, 7).toString()   // deploy/rollout.yaml:12:7}
 * </pre>
 *
 * @param file the file as it was named to the reader ({@code <yaml>} for text read without a file)
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record SourceLocation(String file, int line, int column) {

  /** The location {@code file:line:column}. */
  public static SourceLocation of(String file, int line, int column) {
    return new SourceLocation(file, line, column);
  }

  /** {@code file:line:column}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
