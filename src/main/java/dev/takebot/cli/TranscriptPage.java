package dev.takebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code takebot demo --out DIR} writes: every file the messages carry (the summary's chart),
 * downloaded from the sandbox's CDN route as a Discord client would, and {@code transcript.html},
 * one self-contained page that shows the channels the way Discord's client does — messages, embeds
 * with their colour bar, buttons, the thread, images inline as {@code data:} URIs — in Discord's
 * light and dark themes.
 */
final class TranscriptPage {
  static final String PAGE = "transcript.html";

  /** Discord's default avatar colours, picked by {@code (id >> 22) % 6} as Discord does. */
  private static final String[] AVATARS = {
    "#5865f2", "#757e8a", "#3ba55c", "#faa61a", "#ed4245", "#eb459e"
  };

  private static final Set<String> INLINE_IMAGES =
      Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  /** A file a message carried, saved as {@code file} in the output folder. */
  private record Saved(String file, String contentType, byte[] bytes) {
    String dataUri() {
      return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    boolean inlineImage() {
      return INLINE_IMAGES.contains(contentType);
    }
  }

  /** What was written. */
  record Written(Path page, List<Path> files) {}

  private final DiscordSandbox sandbox;
  private final Map<String, String> invokers;
  private final Map<String, Member> members = new HashMap<>();
  private final Map<String, Saved> saved = new LinkedHashMap<>();
  private final DiscordMarkdown markdown;

  /**
   * @param invokers per interaction id, the line Discord shows above its answer ("Chloé used /takes
   *     summary")
   */
  TranscriptPage(DiscordSandbox sandbox, Map<String, String> invokers) {
    this.sandbox = sandbox;
    this.invokers = invokers;
    sandbox.members().forEach(m -> members.put(m.id(), m));
    Map<String, String> roles = new HashMap<>();
    for (Role r : sandbox.roles()) {
      roles.put(r.id(), r.name());
    }
    this.markdown =
        new DiscordMarkdown(
            new DiscordMarkdown.Names() {
              @Override
              public String user(String id) {
                Member m = members.get(id);
                return m == null ? "unknown-user" : m.name();
              }

              @Override
              public String role(String id) {
                return roles.getOrDefault(id, "deleted-role");
              }

              @Override
              public String channel(String id) {
                return sandbox.channel(id).map(Channel::name).orElse("unknown");
              }
            });
  }

  /**
   * Writes the attachments of every message in {@code #news} and its threads, then the page, into
   * {@code dir} (created when missing).
   */
  Written write(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<Channel> channels = new ArrayList<>();
    channels.add(sandbox.news());
    channels.addAll(sandbox.threads());
    Map<Channel, List<SandboxMessage>> messages = new LinkedHashMap<>();
    for (Channel c : channels) {
      messages.put(c, sandbox.messages(c).stream().filter(m -> !m.isLoading()).toList());
    }
    List<Path> files = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Set<String> taken = new HashSet<>(Set.of(PAGE));
    for (List<SandboxMessage> list : messages.values()) {
      for (SandboxMessage m : list) {
        for (JsonNode a : m.attachments()) {
          String url = a.path("url").asText();
          byte[] bytes = download(http, url);
          String name = uniqueName(a.path("filename").asText(), taken);
          files.add(replace(dir.resolve(name), bytes));
          saved.put(url, new Saved(name, a.path("content_type").asText(""), bytes));
        }
      }
    }
    Path page = dir.resolve(PAGE);
    replace(page, html(messages).getBytes(StandardCharsets.UTF_8));
    return new Written(page, List.copyOf(files));
  }

  /**
   * Writes {@code bytes} as a new file at {@code path}, replacing what is there: a link left at
   * that name is removed, never written through to a file elsewhere.
   */
  private static Path replace(Path path, byte[] bytes) throws IOException {
    Files.deleteIfExists(path);
    return Files.write(path, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Files come only from the sandbox's own CDN route; any other address is not fetched. */
  private byte[] download(HttpClient http, String url) throws IOException, InterruptedException {
    URI origin = URI.create(sandbox.restUrl()).resolve("/");
    if (!url.startsWith(origin.toString())) {
      throw new IOException("attachment outside the sandbox: " + url);
    }
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException("the sandbox answered " + r.statusCode() + " for " + url);
    }
    return r.body();
  }

  /**
   * A file name safe in any folder (no path, no hidden file), unique among {@code taken}: files
   * with the same name (two summaries' charts) get {@code -2}, {@code -3}.
   */
  static String uniqueName(String filename, Set<String> taken) {
    String base = filename.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
    if (base.isEmpty()) {
      base = "file";
    }
    if (base.length() > 100) {
      base = base.substring(base.length() - 100);
    }
    int dot = base.lastIndexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    String ext = dot > 0 ? base.substring(dot) : "";
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = stem + "-" + n + ext;
    }
    return name;
  }

  private String html(Map<Channel, List<SandboxMessage>> messages) {
    Set<String> threadIds = new HashSet<>();
    sandbox.threads().forEach(t -> threadIds.add(t.id()));
    String server = sandbox.guilds().get(0).name();
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(server))
        .append(" · TakeBot demo</title>\n<style>\n")
        .append(resource("transcript.css"))
        .append("</style>\n</head>\n<body>\n")
        .append("<header class=\"top\"><div class=\"server\">")
        .append(esc(server))
        .append("<span class=\"recorded\">what members see, recorded by <code>takebot demo</code>")
        .append("</span></div>")
        .append(
            "<button id=\"theme-toggle\" type=\"button\">Dark theme</button></header>\n<main>\n");
    for (Map.Entry<Channel, List<SandboxMessage>> e : messages.entrySet()) {
      channel(b, e.getKey(), e.getValue(), threadIds);
    }
    b.append("</main>\n<script>\n").append(resource("transcript.js")).append("</script>\n");
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private void channel(
      StringBuilder b, Channel channel, List<SandboxMessage> messages, Set<String> threadIds) {
    b.append("<section class=\"channel")
        .append(channel.isThread() ? " thread" : "")
        .append("\" id=\"c-")
        .append(esc(channel.id()))
        .append("\">\n<h2 class=\"channel-name\">");
    if (channel.isThread()) {
      String parent =
          channel.parentId() == null
              ? "?"
              : sandbox.channel(channel.parentId()).map(Channel::name).orElse("?");
      b.append("<span class=\"hash\">#</span>")
          .append(esc(parent))
          .append("<span class=\"sep\">›</span><span class=\"thread-icon\">🧵</span>");
    } else {
      b.append("<span class=\"hash\">#</span>");
    }
    b.append(esc(channel.name())).append("</h2>\n<ol class=\"messages\">\n");
    for (SandboxMessage m : messages) {
      message(b, m, threadIds);
    }
    b.append("</ol>\n</section>\n");
  }

  private void message(StringBuilder b, SandboxMessage m, Set<String> threadIds) {
    Member author = members.get(m.authorId());
    String name = author != null ? author.name() : m.authorName();
    boolean bot = author != null ? author.bot() : m.json().path("author").path("bot").asBoolean();
    b.append("<li class=\"message")
        .append(m.isEphemeral() ? " ephemeral" : "")
        .append("\" id=\"m-")
        .append(esc(m.id()))
        .append("\">\n");
    if (m.interactionId() != null && invokers.containsKey(m.interactionId())) {
      b.append("<div class=\"context\"><span class=\"context-line\"></span>")
          .append(esc(invokers.get(m.interactionId())))
          .append("</div>\n");
    } else if (m.referencedMessageId() != null) {
      b.append("<div class=\"context\"><span class=\"context-line\"></span>")
          .append(replySnippet(m.referencedMessageId()))
          .append("</div>\n");
    }
    b.append("<div class=\"avatar\" style=\"background:")
        .append(avatarColour(m.authorId()))
        .append("\" aria-hidden=\"true\">")
        .append(esc(initial(name)))
        .append("</div>\n<div class=\"body\">\n<div class=\"meta\"><span class=\"author\">")
        .append(esc(name))
        .append("</span>")
        .append(bot ? "<span class=\"bot-tag\">APP</span>" : "")
        .append("<time>")
        .append(esc(when(m.json().path("timestamp").asText())))
        .append("</time>")
        .append(m.isEdited() ? "<span class=\"edited\">(edited)</span>" : "")
        .append("</div>\n");
    if (!m.content().isBlank()) {
      b.append("<div class=\"content\">").append(markdown.blocks(m.content())).append("</div>\n");
    }
    Set<String> shownInEmbeds = new HashSet<>();
    for (JsonNode e : m.embeds()) {
      embed(b, e, shownInEmbeds);
    }
    attachments(b, m, shownInEmbeds);
    components(b, m.components());
    if (threadIds.contains(m.id())) {
      sandbox
          .channel(m.id())
          .ifPresent(
              t ->
                  b.append("<a class=\"thread-chip\" href=\"#c-")
                      .append(esc(t.id()))
                      .append("\"><span class=\"thread-title\">🧵 ")
                      .append(esc(t.name()))
                      .append("</span><span class=\"thread-count\">")
                      .append(countLabel(sandbox.messages(t).size()))
                      .append(" ›</span></a>\n"));
    }
    if (m.isEphemeral()) {
      b.append("<div class=\"ephemeral-note\">👁 Only you can see this · ")
          .append("<span class=\"dismiss\">Dismiss message</span></div>\n");
    }
    b.append("</div>\n</li>\n");
  }

  private String replySnippet(String id) {
    return sandbox
        .message(id)
        .map(
            r -> {
              Member a = members.get(r.authorId());
              String text = !r.content().isBlank() ? r.content() : embedTitle(r);
              return "<span class=\"reply-author\">@"
                  + esc(a != null ? a.name() : r.authorName())
                  + "</span><span class=\"reply-text\">"
                  + esc(oneLine(text, 90))
                  + "</span>";
            })
        .orElse("<span class=\"reply-text\">Original message was deleted</span>");
  }

  private static String embedTitle(SandboxMessage m) {
    for (JsonNode e : m.embeds()) {
      if (e.hasNonNull("title")) {
        return e.get("title").asText();
      }
    }
    return m.attachments().isEmpty() ? "" : "Click to see attachment";
  }

  private void embed(StringBuilder b, JsonNode e, Set<String> shownInEmbeds) {
    String colour =
        e.hasNonNull("color")
            ? String.format(Locale.ROOT, "#%06x", e.get("color").asInt() & 0xFFFFFF)
            : "var(--embed-border)";
    b.append("<div class=\"embed\" style=\"border-left-color:").append(colour).append("\">\n");
    JsonNode author = e.path("author");
    if (author.hasNonNull("name")) {
      b.append("<div class=\"embed-author\">").append(esc(author.get("name").asText()));
      b.append("</div>\n");
    }
    if (e.hasNonNull("title")) {
      String title = markdown.inline(e.get("title").asText());
      String url = e.path("url").asText("");
      b.append("<div class=\"embed-title\">")
          .append(
              url.matches("https?://\\S+")
                  ? "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + title + "</a>"
                  : title)
          .append("</div>\n");
    }
    if (e.hasNonNull("description")) {
      b.append("<div class=\"embed-description\">")
          .append(markdown.blocks(e.get("description").asText()))
          .append("</div>\n");
    }
    if (e.path("fields").size() > 0) {
      b.append("<div class=\"embed-fields\">\n");
      for (JsonNode f : e.path("fields")) {
        b.append("<div class=\"embed-field")
            .append(f.path("inline").asBoolean() ? " inline" : "")
            .append("\"><div class=\"field-name\">")
            .append(markdown.inline(f.path("name").asText()))
            .append("</div><div class=\"field-value\">")
            .append(markdown.blocks(f.path("value").asText()))
            .append("</div></div>\n");
      }
      b.append("</div>\n");
    }
    image(b, e.path("image").path("url").asText(""), "embed-image", shownInEmbeds);
    image(b, e.path("thumbnail").path("url").asText(""), "embed-thumbnail", shownInEmbeds);
    JsonNode footer = e.path("footer");
    String when = e.hasNonNull("timestamp") ? when(e.get("timestamp").asText()) : "";
    if (footer.hasNonNull("text") || !when.isEmpty()) {
      b.append("<div class=\"embed-footer\">")
          .append(footer.hasNonNull("text") ? esc(footer.get("text").asText()) : "")
          .append(footer.hasNonNull("text") && !when.isEmpty() ? " • " : "")
          .append(esc(when))
          .append("</div>\n");
    }
    b.append("</div>\n");
  }

  /** An embed's image: inline when it is one of the message's files; nothing external is loaded. */
  private void image(StringBuilder b, String url, String cls, Set<String> shownInEmbeds) {
    if (url.isEmpty()) {
      return;
    }
    Saved file = saved.get(url);
    if (file != null && file.inlineImage()) {
      shownInEmbeds.add(url);
      b.append("<img class=\"")
          .append(cls)
          .append("\" src=\"")
          .append(file.dataUri())
          .append("\" alt=\"")
          .append(esc(file.file()))
          .append("\">\n");
    } else if (url.matches("https?://\\S+")) {
      b.append("<a class=\"")
          .append(cls)
          .append(" external\" href=\"")
          .append(esc(url))
          .append("\" rel=\"noopener noreferrer\">")
          .append(esc(url))
          .append("</a>\n");
    }
  }

  /**
   * Files not already shown inside an embed, as Discord shows them: images inline, others boxed.
   */
  private void attachments(StringBuilder b, SandboxMessage m, Set<String> shownInEmbeds) {
    for (JsonNode a : m.attachments()) {
      String url = a.path("url").asText();
      Saved file = saved.get(url);
      if (shownInEmbeds.contains(url) || file == null) {
        continue;
      }
      if (file.inlineImage()) {
        b.append("<img class=\"attachment-image\" src=\"")
            .append(file.dataUri())
            .append("\" alt=\"")
            .append(esc(file.file()))
            .append("\">\n");
      } else {
        b.append("<a class=\"attachment-file\" href=\"")
            .append(esc(file.file()))
            .append("\"><span class=\"file-icon\">📄</span><span class=\"file-name\">")
            .append(esc(a.path("filename").asText()))
            .append("</span><span class=\"file-size\">")
            .append(esc(size(file.bytes().length)))
            .append("</span></a>\n");
      }
    }
  }

  private void components(StringBuilder b, List<JsonNode> rows) {
    for (JsonNode row : rows) {
      if (row.path("type").asInt() != 1) {
        continue; // layouts of components v2 are not used by TakeBot
      }
      b.append("<div class=\"components\">");
      for (JsonNode c : row.path("components")) {
        int type = c.path("type").asInt();
        if (type == 2) {
          int style = c.path("style").asInt(2);
          b.append("<span class=\"button style-")
              .append(style >= 1 && style <= 6 ? style : 2)
              .append(c.path("disabled").asBoolean() ? " disabled" : "")
              .append("\">");
          if (c.path("emoji").hasNonNull("name")) {
            b.append("<span class=\"button-emoji\">")
                .append(esc(c.path("emoji").path("name").asText()))
                .append("</span>");
          }
          b.append(esc(c.path("label").asText("")));
          if (style == 5) {
            b.append("<span class=\"external-icon\">↗</span>");
          }
          b.append("</span>");
        } else if (type == 3 || (type >= 5 && type <= 8)) {
          b.append("<span class=\"select\">")
              .append(esc(c.path("placeholder").asText("Make a selection")))
              .append("<span class=\"chevron\">⌄</span></span>");
        }
      }
      b.append("</div>\n");
    }
  }

  private static String countLabel(int n) {
    return n == 1 ? "1 message" : n + " messages";
  }

  private static String size(long bytes) {
    return bytes < 1024
        ? bytes + " bytes"
        : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0).replace(".0 KB", " KB");
  }

  private static String avatarColour(String userId) {
    try {
      return AVATARS[(int) ((Long.parseLong(userId) >> 22) % AVATARS.length)];
    } catch (NumberFormatException e) {
      return AVATARS[0];
    }
  }

  private static String initial(String name) {
    String s = name.strip();
    return s.isEmpty() ? "?" : new String(Character.toChars(s.codePointAt(0)));
  }

  private static String when(String iso) {
    if (iso.isEmpty()) {
      return "";
    }
    try {
      return WHEN.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static String oneLine(String s, int max) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  private static String esc(String s) {
    return DiscordMarkdown.escape(s);
  }

  private static String resource(String name) {
    try (InputStream in = TranscriptPage.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the page's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
