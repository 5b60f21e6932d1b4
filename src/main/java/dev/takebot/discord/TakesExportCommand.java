package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.FileSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.export.CorrectionExport;
import dev.takebot.takes.export.TakeExport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /takes export [article] [format] [kind]}, for moderators: an article's takes with their
 * tags ({@code kind: takes}, the default) or the server's moderator corrections as labelled data
 * ({@code kind: corrections}), as a CSV or JSON file in an answer only the moderator sees. Files
 * over Discord's attachment limit are refused with a message instead of failing at upload. Only
 * discussions in channels the moderator can see are exported, corrections included.
 */
final class TakesExportCommand implements SlashFeature {
  /** Discord's attachment limit for bots in servers without boosts. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private final TakeService takes;
  private final ArticleOption articles;
  private final int maxBytes;

  TakesExportCommand(BotContext ctx) {
    this(ctx, MAX_BYTES);
  }

  TakesExportCommand(BotContext ctx, int maxBytes) {
    this.takes = ctx.takes();
    this.articles = new ArticleOption(takes.discussions());
    this.maxBytes = maxBytes;
  }

  @Override
  public Access access() {
    return Access.moderators("export takes");
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKES;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("export", "Download an article's takes with their tags (moderators)")
        .addOptions(
            ArticleOption.option("Article title (default: this thread's, else the newest)"),
            new OptionData(OptionType.STRING, "format", "File format (default: csv)")
                .addChoice("csv", "csv")
                .addChoice("json", "json"),
            new OptionData(OptionType.STRING, "kind", "What to export (default: takes)")
                .addChoice("takes", "takes")
                .addChoice("corrections", "corrections"));
  }

  @Override
  public void autoComplete(CommandAutoCompleteInteractionEvent event) {
    articles.autoComplete(event);
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    Texts texts = Readers.privately(event);
    TakeExport.Format format;
    try {
      format = TakeExport.Format.parse(option(event, "format", "csv"));
    } catch (IllegalArgumentException e) {
      event.reply(MessageSpecs.text(texts.get("export.unknownFormat"))).setEphemeral(true).queue();
      return;
    }
    String kind = option(event, "kind", "takes");
    if (!kind.equals("takes") && !kind.equals("corrections")) {
      event.reply(MessageSpecs.text(texts.get("export.unknownKind"))).setEphemeral(true).queue();
      return;
    }
    InteractionHook hook = event.deferReply(true).complete();
    long guildId = event.getGuild().getIdLong();
    ChannelScope visible = Audience.of(event.getMember());
    String intro;
    String name;
    Writer writer;
    if (kind.equals("corrections")) {
      intro = texts.get("export.corrections");
      name = "corrections-" + guildId;
      Set<Long> posts =
          takes.discussions().list(guildId, visible, Integer.MAX_VALUE).stream()
              .map(Discussion::postMessageId)
              .collect(Collectors.toSet());
      writer = out -> new CorrectionExport(takes).write(guildId, posts::contains, format, out);
    } else {
      Optional<Discussion> d = articles.resolve(event);
      if (d.isEmpty()) {
        hook.editOriginal(
                MessageSpecs.editText(
                    ArticleOption.notFound(event, texts.get("export.noArticle"), texts)))
            .queue();
        return;
      }
      long post = d.get().postMessageId();
      intro =
          texts.get(
              "export.takes",
              "title",
              SafeText.escapeMarkdown(SafeText.truncate(SafeText.oneLine(d.get().title()), 200)),
              "count",
              takes.stats(post).takes());
      name = "takes-" + post;
      writer = out -> new TakeExport(takes).write(post, format, out);
    }
    CappedBuffer buffer = new CappedBuffer(maxBytes);
    try {
      writer.write(buffer);
    } catch (IOException | UncheckedIOException e) {
      if (!buffer.exceeded) {
        throw e instanceof IOException io ? new UncheckedIOException(io) : (UncheckedIOException) e;
      }

      hook.editOriginal(
              MessageSpecs.editText(
                  texts.get(
                      format == TakeExport.Format.JSON ? "export.tooBig.json" : "export.tooBig",
                      "megabytes",
                      maxBytes / (1024 * 1024))))
          .queue();
      return;
    }
    FileSpec file = new FileSpec(name + "." + format.extension(), buffer.toByteArray());
    hook.editOriginal(
            MessageSpecs.toEditData(
                new MessageSpec(
                    texts.get(
                        "export.ready",
                        "intro",
                        intro,
                        "format",
                        format.extension().toUpperCase(Locale.ROOT)),
                    List.of(),
                    List.of(),
                    List.of(file))))
        .queue();
  }

  private static String option(SlashCommandInteractionEvent event, String name, String fallback) {
    OptionMapping o = event.getOption(name);
    return o == null ? fallback : o.getAsString().strip().toLowerCase(Locale.ROOT);
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /**
   * An in-memory file that refuses to grow past Discord's limit: the write that would cross it
   * throws, which ends the store's stream early.
   */
  private static final class CappedBuffer extends ByteArrayOutputStream {
    private final int max;
    private volatile boolean exceeded;

    CappedBuffer(int max) {
      super(8192);
      this.max = max;
    }

    @Override
    public synchronized void write(int b) {
      check(1);
      super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      check(len);
      super.write(b, off, len);
    }

    private void check(int more) {
      if ((long) count + more > max) {
        exceeded = true;
        throw new UncheckedIOException(new IOException("export over the attachment limit"));
      }
    }
  }
}
