package dev.rolloutkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version the build wrote into {@code rolloutkit-cli.properties}. */
final class Version implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/rolloutkit-cli.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {"rolloutkit " + properties.getProperty("version", "unknown")};
  }
}
