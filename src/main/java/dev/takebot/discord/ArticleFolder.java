package dev.takebot.discord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The articles folder that {@code /article post name:} reads from. A name is one file name, never a
 * path, and what it resolves to must really be inside the folder: a symbolic link that leads out of
 * it (to the bot's configuration, its database, {@code /etc/…}) is refused, so whoever can drop a
 * link in the folder cannot make the bot post another file to Discord. Links between files inside
 * the folder still work.
 */
final class ArticleFolder {
  private final Path dir;

  ArticleFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * An article file's name and its first bytes (one more than asked for, so "too large" is
   * visible).
   */
  record Found(String name, byte[] bytes) {}

  /**
   * Reads the file called {@code name}, or empty when the folder has none.
   *
   * @throws UserError when {@code name} is a path, or the file leads outside the folder
   */
  Optional<Found> read(String name, int maxBytes) {
    if (name.isEmpty()
        || name.contains("/")
        || name.contains("\\")
        || name.equals(".")
        || name.contains("..")) {
      throw UserError.of("folder.notAName", "name", ArticlePostCommand.code(name));
    }
    Optional<Path> root = root();
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Path file = root.get().resolve(name);
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // A link that loops, a folder the bot may not enter: the file system's own text is English
      // and names the server's paths, so the member gets ours and the exception stays the cause.
      throw UserError.caused(e, "folder.unopenable", "name", ArticlePostCommand.code(name));
    }
    if (!real.startsWith(root.get()) || real.equals(root.get())) {
      throw UserError.of("folder.outside", "name", ArticlePostCommand.code(name));
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    // Opened without following links: a file swapped for a link after the check above is not read.
    try (SeekableByteChannel channel =
            Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        InputStream in = Channels.newInputStream(channel)) {
      return Optional.of(new Found(name, in.readNBytes(maxBytes + 1)));
    } catch (IOException e) {
      throw UserError.of("folder.unreadable", "name", ArticlePostCommand.code(name));
    }
  }

  /**
   * The names {@link #read} accepts, sorted: hidden files and links leading out of the folder left
   * out.
   */
  List<String> names() {
    Optional<Path> root = root();
    if (root.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.get())) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && staysInside(entry, root.get())) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    names.sort(null);
    return names;
  }

  private static boolean staysInside(Path entry, Path root) {
    try {
      Path real = entry.toRealPath();
      return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The folder's own real path (it may itself be a link, e.g. to a mounted volume), or empty if
   * absent.
   */
  private Optional<Path> root() {
    try {
      Path real = dir.toRealPath();
      return Files.isDirectory(real) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
