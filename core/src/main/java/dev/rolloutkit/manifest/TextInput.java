package dev.rolloutkit.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Manifest files read into text as Kubernetes's YAML reader takes bytes: UTF-8 (a byte-order mark
 * is dropped), or UTF-16 with its byte-order mark; anything else is refused with the file and the
 * first offending byte named. Only regular files are read (a FIFO or a device would block or never
 * end), and the size is checked on the bytes actually read, not on what the file system reports.
 */
final class TextInput {

  /** The largest manifest file read, in bytes. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private TextInput() {}

  /** A file that cannot be read as manifest text, with the reason in words. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Unreadable(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  /**
   * A file's text and whether it began with a byte-order mark and used CRLF line ends (fmt keeps
   * both).
   */
  record Text(String text, boolean bom, boolean crlf) {}

  static Text read(Path file) throws Unreadable {
    if (!Files.isRegularFile(file)) {
      String what =
          Files.isDirectory(file)
              ? "a folder"
              : Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)
                  ? "a broken symbolic link"
                  : Files.exists(file)
                      ? "not a regular file (a pipe, socket or device)"
                      : "missing";
      throw new Unreadable("cannot read: " + what, 0, 0);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new Unreadable("cannot read: " + e.getMessage(), 0, 0);
    }
    if (bytes.length > MAX_BYTES) {
      throw new Unreadable(
          String.format(
              Locale.ROOT,
              "the file is larger than %d MiB, the most a manifest file may be (split it;"
                  + " the API server takes no object larger than 3 MiB anyway)",
              MAX_BYTES / (1024 * 1024)),
          0,
          0);
    }
    return decode(bytes);
  }

  static Text decode(byte[] bytes) throws Unreadable {
    String text;
    boolean bom = false;
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      text = decode(bytes, 2, StandardCharsets.UTF_16BE.newDecoder(), "UTF-16 (big endian)");
      bom = true;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      text = decode(bytes, 2, StandardCharsets.UTF_16LE.newDecoder(), "UTF-16 (little endian)");
      bom = true;
    } else {
      int skip =
          bytes.length >= 3
                  && (bytes[0] & 0xff) == 0xEF
                  && (bytes[1] & 0xff) == 0xBB
                  && (bytes[2] & 0xff) == 0xBF
              ? 3
              : 0;
      bom = skip == 3;
      text = decode(bytes, skip, StandardCharsets.UTF_8.newDecoder(), "UTF-8");
    }
    return new Text(text, bom, text.contains("\r\n"));
  }

  private static String decode(byte[] bytes, int offset, CharsetDecoder decoder, String encoding)
      throws Unreadable {
    boolean ascii = decoder.charset() == StandardCharsets.UTF_8;
    for (int i = offset; ascii && i < bytes.length; i++) {
      ascii = bytes[i] >= 0;
    }
    if (ascii) {
      return new String(
          bytes,
          offset,
          bytes.length - offset,
          StandardCharsets.ISO_8859_1); // 7-bit: the same text, no decoder
    }
    decoder
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      // Find the first bad byte, and say where it is.
      int bad = firstMalformed(bytes, offset, decoder);
      String good = new String(bytes, offset, Math.max(0, bad - offset), decoder.charset());
      int line = 1;
      int column = 1;
      for (int i = 0; i < good.length(); i++) {
        if (good.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      String hint =
          encoding.equals("UTF-8")
              ? " (the file seems to be in another encoding, such as Latin-1 or Windows-1252;"
                  + " save it as UTF-8)"
              : "";
      throw new Unreadable(
          String.format(
              Locale.ROOT,
              "not %s text: byte 0x%02X cannot start or continue a character%s",
              encoding,
              bad < bytes.length ? bytes[bad] & 0xff : 0,
              hint),
          line,
          column);
    }
  }

  /**
   * The index of the first byte that does not begin or continue a well-formed character (UTF-8), or
   * of the first bad unit.
   */
  private static int firstMalformed(byte[] bytes, int offset, CharsetDecoder decoder) {
    if (decoder.charset() != StandardCharsets.UTF_8) {
      for (int i = offset; i + 1 < bytes.length; i += 2) {
        try {
          decoder.reset().decode(ByteBuffer.wrap(bytes, offset, i + 2 - offset));
        } catch (CharacterCodingException e) {
          // a high surrogate waiting for its low half decodes once the next unit comes
          if (i + 4 > bytes.length) {
            return i;
          }
          try {
            decoder.reset().decode(ByteBuffer.wrap(bytes, offset, i + 4 - offset));
          } catch (CharacterCodingException again) {
            return i;
          }
        }
      }
      return bytes.length - 1;
    }
    int i = offset;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int length =
          b < 0x80
              ? 1
              : b >= 0xC2 && b <= 0xDF
                  ? 2
                  : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (length == 0 || i + length > bytes.length) {
        return i;
      }
      for (int k = 1; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      int second = length > 1 ? bytes[i + 1] & 0xff : 0;
      if (b == 0xE0 && second < 0xA0
          || b == 0xED && second > 0x9F
          || b == 0xF0 && second < 0x90
          || b == 0xF4 && second > 0x8F) {
        return i; // overlong, surrogate or beyond U+10FFFF
      }
      i += length;
    }
    return bytes.length - 1;
  }
}
