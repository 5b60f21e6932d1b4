package dev.takebot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takebot.article.Article;
import dev.takebot.article.ArticleDraft;
import dev.takebot.article.ArticleFormatException;
import dev.takebot.article.ArticleParser;
import dev.takebot.article.ArticlePost;
import dev.takebot.article.PostBuilder;
import dev.takebot.config.ConfigException;
import dev.takebot.config.ConfigLoader;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.discord.ArticlePipelineAdapter;
import dev.takebot.discord.PostPayloads;
import dev.takebot.discord.PreparedArticle;
import dev.takebot.feed.FeedFormatException;
import dev.takebot.feed.Links;
import dev.takebot.fetch.FetchException;
import dev.takebot.fetch.SafeFetcher;
import dev.takebot.i18n.Languages;
import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.message.MessageSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code takebot preview FILE|URL}: shows the post TakeBot would make for an article, a web page or
 * a feed's newest item, without Discord. Plain output is the post as a member sees it; {@code
 * --json} prints the Create Message bodies the bot sends, serialised by JDA as the bot does. Exit 0
 * on success, 2 with one line {@code error: …} on stderr for bad input or arguments.
 */
@Command(
    name = "preview",
    description = {
      "Show the post TakeBot would make for an article file, a web page or a feed: thread name,"
          + " messages, embed.",
      "Formats: 'date YYYY-MM-DD Title' first line, Markdown (optional YAML front matter),"
          + " or plain text whose first line is the title.",
      "A link (http:// or https://) is fetched as the bot fetches it, with the fetch.* settings"
          + " of --config: a page is read as a news page, a feed shows its newest item."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the post was built",
      "2:bad arguments, or the file or link is not a usable article (one line on stderr)",
      "1:a bug (the message asks to report it)"
    })
public final class PreviewCommand implements Callable<Integer> {
  static final int BAD_INPUT = 2;
  static final int INTERNAL_ERROR = 1;
  private static final int WIDTH = 78;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE|URL",
      description =
          "The article file (UTF-8, at most 100 KB), or the link of a news page or a feed.")
  String source;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The configuration whose fetch.* settings apply to a link (default: the built-in"
              + " defaults, which refuse private addresses).")
  Path config;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--json",
      description =
          "Print {\"threadName\": …, \"messages\": […]}: the Create Message"
              + " bodies the bot sends, as JDA writes them.")
  boolean json;

  @Option(
      names = "--hashtags",
      paramLabel = "N",
      defaultValue = "6",
      description = "How many hashtags to show, 0-20 (default: ${DEFAULT-VALUE}).")
  int hashtags;

  @Option(
      names = "--locale",
      paramLabel = "LANG",
      defaultValue = "en",
      description =
          "The server's language, as Discord names it (en, fr…; default: ${DEFAULT-VALUE}): the"
              + " date and buttons. The article's own language picks its call to action.")
  String locale;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (hashtags < 0 || hashtags > 20) {
      return fail(err, "--hashtags must be between 0 and 20, got " + hashtags);
    }
    if (!Languages.isSupported(Locale.forLanguageTag(locale.strip()).getLanguage())) {
      return fail(
          err,
          "--locale must be one of " + String.join(", ", Languages.codes()) + ", got " + locale);
    }
    Texts texts = Texts.forTag(locale);
    if (isLink(source)) {
      return previewLink(out, err, texts);
    }
    Path file = Path.of(source);
    ArticlePost post;
    try {
      post = PostBuilder.build(ArticleParser.parse(read(file)), hashtags, texts.locale());
    } catch (UnreadableFile e) {
      return fail(err, e.getMessage());
    } catch (ArticleFormatException e) {
      return fail(err, file + ": " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A bug, not bad input: still one line for the user, and exit 1 so that scripts can tell.
      fail(err, "could not build the post for " + file + " (" + e + "); please report this");
      return INTERNAL_ERROR;
    }
    out.print(json ? json(post, texts) : text(post, texts));
    out.flush();
    return 0;
  }

  static boolean isLink(String source) {
    return source.matches("(?is)^[a-z][a-z0-9+.-]*://.*");
  }

  /** A page or a feed's newest item, fetched with the configuration's fetch settings. */
  private int previewLink(PrintWriter out, PrintWriter err, Texts texts) {
    ArticlePost post;
    try {
      TakeBotConfig loaded =
          config == null ? TakeBotConfig.defaults() : new ConfigLoader().load(config);
      ArticleDraft draft = new Links(new SafeFetcher(loaded.fetch())).read(source);
      post = PostBuilder.build(draft.toArticle(), hashtags, texts.locale());
    } catch (FetchException | FeedFormatException e) {
      return fail(err, ((dev.takebot.i18n.Phrased) e).phrase().in(texts));
    } catch (ArticleFormatException e) {
      return fail(err, e.message(texts));
    } catch (ConfigException e) {
      return fail(err, e.getMessage());
    } catch (RuntimeException e) {
      fail(err, "could not build the post for " + source + " (" + e + "); please report this");
      return INTERNAL_ERROR;
    }
    out.print(json ? json(post, texts) : text(post, texts));
    out.flush();
    return 0;
  }

  private static byte[] read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new UnreadableFile(file + " is a directory, not an article file");
      }
      long size = Files.size(file);
      if (size > ArticleParser.MAX_BYTES) {
        throw new UnreadableFile(
            file
                + ": article is "
                + (size + 1023) / 1024
                + " KB; the limit is "
                + ArticleParser.MAX_BYTES / 1024
                + " KB (paste the article, not the whole page)");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UnreadableFile(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableFile(file + ": permission denied");
    } catch (IOException e) {
      throw new UnreadableFile("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static int fail(PrintWriter err, String message) {
    err.println("error: " + message.replaceAll("\\s+", " ").strip());
    err.flush();
    return BAD_INPUT;
  }

  /**
   * The post as one JSON object: the thread name and, in posting order, each message's Create
   * Message body as JDA serialises it for the bot (see {@link PostPayloads} for the per-send fields
   * it leaves out).
   */
  static String json(ArticlePost post) {
    return json(post, Texts.english());
  }

  static String json(ArticlePost post, Texts texts) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("threadName", post.threadName());
    ArrayNode messages = root.putArray("messages");
    try {
      for (String body : PostPayloads.json(ArticlePipelineAdapter.prepared(post), texts)) {
        messages.add(
            mapper.readTree(body)); // only indented: keys and values stay as JDA wrote them
      }
      return mapper.writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JDA wrote JSON that does not parse", e);
    }
  }

  /**
   * The post as a member reads it: Discord's markdown rendered away, the embed drawn with a bar.
   */
  static String text(ArticlePost post) {
    return text(post, Texts.english());
  }

  static String text(ArticlePost post, Texts texts) {
    StringBuilder s = new StringBuilder();
    Article article = post.article();
    s.append("Thread: ").append(post.threadName()).append('\n');
    PreparedArticle prepared = ArticlePipelineAdapter.prepared(post);
    List<MessageSpec> messages = PostPayloads.messages(prepared, texts);
    int n = messages.size();
    for (int i = 0; i < n; i++) {
      MessageSpec m = messages.get(i);
      s.append('\n').append("── Message ").append(i + 1).append(" of ").append(n);
      if (i == prepared.postIndex()) {
        s.append(" · the thread starts here");
      }
      s.append(" ──\n");
      if (!m.content().isEmpty()) {
        s.append(rendered(m.content())).append('\n');
        if (m.content().equals(article.videoUrl())) {
          s.append("  [▶ video player]\n");
        }
      }
      for (EmbedSpec e : m.embeds()) {
        embed(s, e);
      }
      for (ButtonSpec b : m.buttons()) {
        s.append("  [")
            .append(b.label())
            .append(']')
            .append(b.url() != null ? " " + b.url() : "")
            .append('\n');
      }
    }
    return s.toString();
  }

  private static void embed(StringBuilder s, EmbedSpec e) {
    String bar = "┃ ";
    if (!e.title().isEmpty()) {
      wrap(s, bar, rendered(e.title()));
    }
    if (e.url() != null) {
      s.append(bar).append("↗ ").append(e.url()).append('\n');
    }
    if (!e.description().isEmpty()) {
      s.append(bar.stripTrailing()).append('\n');
      for (String line : rendered(e.description()).split("\n", -1)) {
        wrap(s, bar, line);
      }
    }
    for (FieldSpec f : e.fields()) {
      s.append(bar.stripTrailing()).append('\n');
      wrap(s, bar, rendered(f.name()));
      wrap(s, bar, rendered(f.value()));
    }
    if (!e.footer().isEmpty()) {
      s.append(bar.stripTrailing()).append('\n');
      wrap(s, bar, e.footer());
    }
  }

  /** Word-wraps one paragraph behind the embed bar. */
  private static void wrap(StringBuilder s, String bar, String line) {
    if (line.isEmpty()) {
      s.append(bar.stripTrailing()).append('\n');
      return;
    }
    StringBuilder current = new StringBuilder();
    for (String word : line.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > WIDTH - bar.length()) {
        s.append(bar).append(current).append('\n');
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
    }
    s.append(bar).append(current).append('\n');
  }

  /** What Discord shows for markdown text: escapes and bold markers do not appear on screen. */
  static String rendered(String markdown) {
    return markdown
        .replaceAll("(?<!\\\\)\\*\\*", "")
        .replaceAll("\\\\(\\p{Punct})", "$1")
        .replace("\u200B", "");
  }

  /** A file that cannot be read, with a one-line reason. */
  private static final class UnreadableFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableFile(String message) {
      super(message, null, false, false);
    }
  }
}
