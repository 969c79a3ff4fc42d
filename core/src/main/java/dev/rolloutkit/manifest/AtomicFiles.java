package dev.rolloutkit.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Files replaced whole or not at all: the new text goes to a temporary file beside the target, and
 * a rename puts it in place. A failure (a full disk, a read-only folder) leaves the target as it
 * was and names it. A symbolic link stays a link: its target file is replaced. The file keeps its
 * permissions.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * How text reaches the disk; tests put a failing one in to check that a failure changes nothing.
   */
  interface Sink {
    void write(Path temporary, byte[] bytes) throws IOException;
  }

  static final Sink DISK = (temporary, bytes) -> Files.write(temporary, bytes);

  static void write(Path file, String text) throws IOException {
    write(file, text, DISK);
  }

  static void write(Path file, String text, Sink sink) throws IOException {
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".rolloutkit-tmp");
    try {
      sink.write(temporary, text.getBytes(StandardCharsets.UTF_8));
      keepPermissions(target, temporary);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw new IOException(
          file + ": not written (" + e.getMessage() + "); the file is unchanged", e);
    }
  }

  private static void keepPermissions(Path target, Path temporary) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : Set.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
    view.setPermissions(permissions);
  }
}
