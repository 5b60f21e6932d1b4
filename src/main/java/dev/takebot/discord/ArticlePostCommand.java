package dev.takebot.discord;

import dev.takebot.article.ArticleDraft;
import dev.takebot.article.ArticleParser;
import dev.takebot.feed.FeedFormatException;
import dev.takebot.feed.Links;
import dev.takebot.fetch.FetchException;
import dev.takebot.i18n.Phrased;
import dev.takebot.i18n.Texts;
import dev.takebot.message.SafeText;
import dev.takebot.takes.settings.SettingsService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message.Attachment;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /article post}: a moderator hands over an article (attached file, pasted text, the name of
 * a file in the articles folder, or a link to a news page or a feed); the bot answers privately
 * with a preview of the exact post and Post, Edit and Cancel buttons ({@link PendingPosts}, {@link
 * PostPreviewFeature}). With {@code now:true} it posts at once ({@link ArticlePublisher}) and
 * answers with a link. Run without an article, it opens {@link ArticlePasteModal}'s form, where a
 * multi-line article keeps its line breaks.
 */
final class ArticlePostCommand implements SlashFeature {
  /** The parser refuses anything larger, so a larger file is refused before it is downloaded. */
  static final int MAX_FILE_BYTES = ArticleParser.MAX_BYTES;

  /** The option that skips the preview, for scripts and the old habit. */
  static final String NOW = "now";

  /** The option that posts even if the server already has a discussion of the article. */
  static final String AGAIN = "again";

  /**
   * The origin named in errors about pasted text, whether from the {@code text} option or the form.
   */
  private static final String PASTED = ArticlePipelineAdapter.PASTED;

  private static final Pattern SAFE_NAME = Pattern.compile("[\\w][\\w .-]{0,99}");

  private final BotContext ctx;

  /**
   * Where a post goes when the moderator names no channel: the server's own post channel, else
   * {@code discord.postChannel}.
   */
  private final SettingsService settings;

  /** The ready-made articles ({@code articles.directory}). */
  private final Path articleDirectory;

  private final ArticlePublisher publisher;
  private final PendingPosts previews;

  /** Reads {@code url:} links, pages or feeds. */
  private final Links links;

  ArticlePostCommand(
      BotContext ctx,
      SettingsService settings,
      Path articleDirectory,
      ArticlePublisher publisher,
      PendingPosts previews,
      Links links) {
    this.links = links;
    this.ctx = ctx;
    this.settings = settings;
    this.articleDirectory = articleDirectory;
    this.publisher = publisher;
    this.previews = previews;
  }

  @Override
  public Access access() {
    return Access.moderators("post articles");
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.ARTICLE;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("post", "Post a news article and open a thread for members' takes")
        .addOptions(
            new OptionData(OptionType.ATTACHMENT, "file", "The article as a .txt or .md file"),
            new OptionData(
                    OptionType.STRING,
                    "text",
                    "Pasted text (one line; run without options to paste a multi-line article)")
                .setMaxLength(6000),
            new OptionData(OptionType.STRING, "name", "An article from the bot's articles folder")
                .setAutoComplete(true),
            new OptionData(
                    OptionType.STRING, "url", "A news page or a feed (its newest item) to post")
                .setMaxLength(2000),
            new OptionData(
                    OptionType.CHANNEL,
                    "channel",
                    "Where to post (default: the server's post channel)")
                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS),
            new OptionData(
                OptionType.BOOLEAN, NOW, "Post at once, without the private preview first"),
            new OptionData(
                OptionType.BOOLEAN,
                AGAIN,
                "Post even if this server already has a discussion of this article"));
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    List<OptionMapping> sources =
        Stream.of("file", "text", "name", "url")
            .map(event::getOption)
            .filter(o -> o != null)
            .toList();
    OptionMapping channel = event.getOption("channel");
    GuildChannel chosen = channel == null ? null : channel.getAsChannel();
    boolean now = event.getOption(NOW, false, OptionMapping::getAsBoolean);
    boolean again = event.getOption(AGAIN, false, OptionMapping::getAsBoolean);
    if (sources.isEmpty()) {
      openPasteForm(event, chosen, now, again);
      return;
    }
    if (sources.size() > 1) {
      event
          .reply(MessageSpecs.text(Readers.privately(event).get("post.oneSource")))
          .setEphemeral(true)
          .queue();
      return;
    }
    post(event, () -> chosen, now, again, () -> load(sources.get(0)));
  }

  /**
   * Answers with {@link ArticlePasteModal}'s form, because a string option arrives as one line and
   * the parser needs the article's lines. What can be refused already is refused now, before the
   * moderator pastes anything; the submit checks everything again.
   */
  private void openPasteForm(
      SlashCommandInteractionEvent event, GuildChannel chosen, boolean now, boolean again) {
    try {
      ArticlePublisher.checkPermissions(event.getMember(), targetChannel(event, chosen).channel());
    } catch (UserError e) {
      event
          .reply(MessageSpecs.text(e.message(Readers.privately(event))))
          .setEphemeral(true)
          .queue();
      return;
    }
    event
        .replyModal(
            ArticlePasteModal.form(
                chosen == null ? null : chosen.getId(), now, again, Readers.privately(event)))
        .queue();
  }

  /**
   * Posts what was pasted into {@link ArticlePasteModal}'s form, exactly as the {@code text} option
   * would. Whoever submits was checked again by the router ({@link ArticlePasteModal#access()}):
   * the form's custom id is not proof they were allowed to open it.
   *
   * @param channelId the {@code channel} the moderator chose when opening the form, or {@code null}
   * @param now whether the moderator asked to post without the preview
   * @param again whether they asked to post even an article the server already discusses
   */
  void postPasted(IReplyCallback event, String channelId, boolean now, boolean again, String text) {
    post(
        event,
        () -> channelId == null ? null : chosenChannel(event.getGuild(), channelId),
        now,
        again,
        () -> new Source(PASTED, text));
  }

  /**
   * The one path every way of handing over an article takes: acknowledge privately at once (posting
   * can outlast Discord's 3 s window), check, load and prepare; then either show the moderator a
   * private preview to post, edit or cancel ({@link PendingPosts}), or with {@code now} post at
   * once and edit the answer into the link. Errors become the answer either way. An article the
   * server already discusses is not posted at once unless {@code again}: the answer says where its
   * discussion is and offers Post anyway.
   *
   * @param chosen the channel the moderator picked, or {@code null} for the default
   */
  private void post(
      IReplyCallback event,
      Supplier<GuildChannel> chosen,
      boolean now,
      boolean again,
      Supplier<Source> load) {
    InteractionHook hook = event.deferReply(true).complete();
    Texts texts = Readers.privately(event);
    try {
      Target where = targetChannel(event, chosen.get());
      GuildMessageChannel target = where.channel();
      ArticlePublisher.checkPermissions(event.getMember(), target);
      Source source = load.get();
      PreparedArticle article =
          source.draft() != null
              ? ctx.articles()
                  .prepare(source.origin(), source.draft(), ctx.readers().server(event.getGuild()))
              : ctx.articles()
                  .prepare(source.origin(), source.text(), ctx.readers().server(event.getGuild()));
      if (now) {
        try {
          String answer =
              publisher.post(event.getMember(), target, where.adopted(), article, texts, again);
          hook.editOriginal(MessageSpecs.editText(answer)).queue();
        } catch (AlreadyDiscussed e) {
          previews.holdPrivately(
              hook, event.getMember(), target, where.adopted(), article, texts, e);
        }
      } else {
        previews.showPrivately(
            hook, event.getMember(), target, where.adopted(), article, texts, again);
      }
    } catch (UserError e) {
      hook.editOriginal(MessageSpecs.editText(e.message(texts))).queue();
    }
  }

  /**
   * The channel a form carries, looked up again: it may have been deleted while the moderator
   * pasted.
   */
  private static GuildChannel chosenChannel(Guild guild, String channelId) {
    GuildChannel ch = guild == null ? null : guild.getGuildChannelById(channelId);
    if (ch == null) {
      throw UserError.of("post.pickedGone", "channel", channelId);
    }
    return ch;
  }

  /**
   * Suggests the articles folder's files, to moderators only (the router gives anyone else no
   * choices, see {@link #access()}): Discord's default permissions only hide the command, so anyone
   * an admin lets see it (or any modified client) can ask, and a file name can be an unpublished
   * headline.
   */
  @Override
  public void autoComplete(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    List<Command.Choice> choices = new ArrayList<>();
    for (String name : articleNames()) {
      if (name.toLowerCase(Locale.ROOT).contains(typed) && choices.size() < 25) {
        choices.add(new Command.Choice(name, name));
      }
    }
    event.replyChoices(choices).queue();
  }

  /**
   * Where a post goes.
   *
   * @param adopted true when the server has no post channel yet and this one, where the command was
   *     run, becomes it
   */
  private record Target(GuildMessageChannel channel, boolean adopted) {}

  /**
   * The channel the moderator chose, else the server's post channel, else the configured default if
   * the server has it; a server with none of them (e.g. one that just added the bot) posts in the
   * channel the command was run in, which then becomes its post channel.
   */
  private Target targetChannel(IReplyCallback event, GuildChannel chosen) {
    Guild guild = event.getGuild();
    GuildChannel ch;
    boolean adopted = false;
    if (chosen != null) {
      ch = chosen;
    } else {
      String configured = settings.get(guild.getIdLong()).postChannel();
      ch = configured == null || configured.isBlank() ? null : findChannel(guild, configured);
      if (ch == null && settings.hasOwnPostChannel(guild.getIdLong())) {
        throw UserError.of("post.channelGone", "channel", configured);
      }
      if (ch == null) {
        ch = event.getGuildChannel();
        adopted = true;
      }
    }
    if (!(ch instanceof GuildMessageChannel gm) || !(ch instanceof IThreadContainer)) {
      throw UserError.of("post.noThreads", "channel", ch.getId());
    }
    return new Target(gm, adopted);
  }

  static GuildChannel findChannel(Guild guild, String nameOrId) {
    String n = nameOrId.startsWith("#") ? nameOrId.substring(1) : nameOrId;
    if (n.matches("\\d{17,20}")) {
      return guild.getGuildChannelById(n);
    }
    return Stream.concat(
            guild.getTextChannelsByName(n, true).stream(),
            guild.getNewsChannelsByName(n, true).stream())
        .findFirst()
        .map(GuildChannel.class::cast)
        .orElse(null);
  }

  /** An article as handed over: its text, or for a link the draft read from the page or feed. */
  private record Source(String origin, String text, ArticleDraft draft) {
    Source(String origin, String text) {
      this(origin, text, null);
    }
  }

  private Source load(OptionMapping option) {
    return switch (option.getName()) {
      case "text" -> new Source(PASTED, option.getAsString());
      case "file" -> fromAttachment(option.getAsAttachment());
      case "url" -> fromLink(option.getAsString());
      default -> fromFolder(option.getAsString());
    };
  }

  private Source fromAttachment(Attachment a) {
    String name = a.getFileName();
    if (a.getSize() > MAX_FILE_BYTES) {
      throw UserError.of(
          "post.fileTooBig",
          "name",
          code(name),
          "size",
          kilobytes(a.getSize()),
          "max",
          MAX_FILE_BYTES / 1024);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".txt") || lower.endsWith(".md") || lower.endsWith(".markdown"))) {
      throw UserError.of("post.fileType", "name", code(name));
    }
    try (InputStream in = a.getProxy().download().get(30, TimeUnit.SECONDS)) {
      return new Source(name, decode(in.readNBytes(MAX_FILE_BYTES + 1), name));
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw UserError.of("post.download", "name", code(name));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UserError.of("post.interrupted");
    }
  }

  /** A page or a feed read through the safe fetcher; each refusal is one line for the moderator. */
  private Source fromLink(String url) {
    try {
      return new Source(url.strip(), null, links.read(url));
    } catch (FetchException | FeedFormatException e) {
      throw UserError.of("post.badLink", "reason", ((Phrased) e).phrase());
    }
  }

  private Source fromFolder(String rawName) {
    String name = rawName.strip();
    if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
      throw UserError.of("post.badName", "name", code(SafeText.truncate(name, 100)));
    }
    ArticleFolder folder = new ArticleFolder(articleDirectory);
    for (String candidate : List.of(name, name + ".txt", name + ".md")) {
      var found = folder.read(candidate, MAX_FILE_BYTES);
      if (found.isPresent()) {
        return new Source(candidate, decode(found.get().bytes(), candidate));
      }
    }
    List<String> names = folder.names();
    throw names.isEmpty()
        ? UserError.of("post.noSuchArticle", "name", code(name))
        : UserError.of(
            "post.noSuchArticle.tryOne",
            "name",
            code(name),
            "names",
            String.join(", ", names.stream().limit(10).toList()));
  }

  private List<String> articleNames() {
    return new ArticleFolder(articleDirectory).names();
  }

  private static String decode(byte[] bytes, String name) {
    if (bytes.length > MAX_FILE_BYTES) {
      throw UserError.of("post.fileLarger", "name", code(name), "max", MAX_FILE_BYTES / 1024);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw UserError.of("post.notUtf8", "name", code(name));
    }
  }

  /** Rounded up, so a file just over the limit never reads as "100 KB; at most 100 KB". */
  private static long kilobytes(long bytes) {
    return (bytes + 1023) / 1024;
  }

  /**
   * Untrusted text shown as inline code: markdown inside code spans is literal, so only backticks
   * matter.
   */
  static String code(String text) {
    return "`" + SafeText.defuseMentions(SafeText.oneLine(text)).replace('`', '\'') + "`";
  }
}
