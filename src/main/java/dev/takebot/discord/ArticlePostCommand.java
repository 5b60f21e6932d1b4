package dev.takebot.discord;

import dev.takebot.article.ArticleParser;
import dev.takebot.i18n.Texts;
import dev.takebot.message.SafeText;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.settings.SettingsService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.Attachment;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /article post}: a moderator hands over an article (attached file, pasted text, or the name
 * of a file in the articles folder); the bot posts it, opens the discussion thread on the post,
 * records the discussion and answers with a link. Run without any of those, it opens {@link
 * ArticlePasteModal}'s form, where a multi-line article keeps its line breaks.
 */
final class ArticlePostCommand implements SlashFeature {
  /** The parser refuses anything larger, so a larger file is refused before it is downloaded. */
  static final int MAX_FILE_BYTES = ArticleParser.MAX_BYTES;

  /**
   * What posting needs in the target channel: the post and its embeds, then a thread to reply in.
   */
  static final EnumSet<Permission> NEEDED =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.MESSAGE_SEND_IN_THREADS);

  private static final Logger log = LoggerFactory.getLogger(ArticlePostCommand.class);

  /**
   * The origin named in errors about pasted text, whether from the {@code text} option or the form.
   */
  private static final String PASTED = "pasted text";

  private static final Pattern SAFE_NAME = Pattern.compile("[\\w][\\w .-]{0,99}");

  private final BotContext ctx;

  /**
   * Where a post goes when the moderator names no channel: the server's own post channel, else
   * {@code discord.postChannel}.
   */
  private final SettingsService settings;

  /** The ready-made articles ({@code articles.directory}). */
  private final Path articleDirectory;

  ArticlePostCommand(BotContext ctx, SettingsService settings, Path articleDirectory) {
    this.ctx = ctx;
    this.settings = settings;
    this.articleDirectory = articleDirectory;
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
                    OptionType.CHANNEL,
                    "channel",
                    "Where to post (default: the server's post channel)")
                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS));
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    List<OptionMapping> sources =
        Stream.of("file", "text", "name").map(event::getOption).filter(o -> o != null).toList();
    OptionMapping channel = event.getOption("channel");
    GuildChannel chosen = channel == null ? null : channel.getAsChannel();
    if (sources.isEmpty()) {
      openPasteForm(event, chosen);
      return;
    }
    if (sources.size() > 1) {
      event
          .reply(MessageSpecs.text(Readers.privately(event).get("post.oneSource")))
          .setEphemeral(true)
          .queue();
      return;
    }
    post(event, () -> chosen, () -> load(sources.get(0)));
  }

  /**
   * Answers with {@link ArticlePasteModal}'s form, because a string option arrives as one line and
   * the parser needs the article's lines. What can be refused already is refused now, before the
   * moderator pastes anything; the submit checks everything again.
   */
  private void openPasteForm(SlashCommandInteractionEvent event, GuildChannel chosen) {
    try {
      checkPermissions(event.getMember(), targetChannel(event, chosen).channel());
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
                chosen == null ? null : chosen.getId(), Readers.privately(event)))
        .queue();
  }

  /**
   * Posts what was pasted into {@link ArticlePasteModal}'s form, exactly as the {@code text} option
   * would. Whoever submits was checked again by the router ({@link ArticlePasteModal#access()}):
   * the form's custom id is not proof they were allowed to open it.
   *
   * @param channelId the {@code channel} the moderator chose when opening the form, or {@code null}
   */
  void postPasted(IReplyCallback event, String channelId, String text) {
    post(
        event,
        () -> channelId == null ? null : chosenChannel(event.getGuild(), channelId),
        () -> new Source(PASTED, text));
  }

  /**
   * The one path every way of handing over an article takes: acknowledge privately at once (posting
   * can outlast Discord's 3 s window), check, load, publish, then edit the answer into the link or
   * the error.
   *
   * @param chosen the channel the moderator picked, or {@code null} for the default
   */
  private void post(IReplyCallback event, Supplier<GuildChannel> chosen, Supplier<Source> load) {
    InteractionHook hook = event.deferReply(true).complete();
    Texts texts = Readers.privately(event);
    try {
      Target where = targetChannel(event, chosen.get());
      GuildMessageChannel target = where.channel();
      checkPermissions(event.getMember(), target);
      Source source = load.get();
      PreparedArticle article =
          ctx.articles()
              .prepare(source.origin(), source.text(), ctx.readers().server(event.getGuild()));
      Discussion d = publish(event.getGuild(), target, article);
      String adopted = "";
      if (where.adopted()) {
        settings.setPostChannel(d.guildId(), target.getIdLong());
        adopted = "\n" + texts.get("post.adopted");
      }
      hook.editOriginal(
              MessageSpecs.editText(
                  texts.get(
                          "post.posted",
                          "title",
                          SafeText.escapeMarkdown(
                              SafeText.truncate(SafeText.oneLine(article.title()), 200)),
                          "channel",
                          target.getId(),
                          "link",
                          "https://discord.com/channels/"
                              + d.guildId()
                              + "/"
                              + d.channelId()
                              + "/"
                              + d.postMessageId(),
                          "thread",
                          Long.toString(d.threadId()))
                      + adopted))
          .queue();
    } catch (UserError e) {
      hook.editOriginal(MessageSpecs.editText(e.message(texts))).queue();
    } catch (InsufficientPermissionException e) {
      hook.editOriginal(
              MessageSpecs.editText(
                  texts.get(
                      "post.botNeeds",
                      "channel",
                      e.getChannelId(),
                      "permission",
                      permission(e.getPermission(), texts))))
          .queue();
    } catch (ErrorResponseException e) {
      hook.editOriginal(MessageSpecs.editText(texts.get("post.refused", "meaning", e.getMeaning())))
          .queue();
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
   * Refuses up front what would fail half-way: a moderator who could not post there themselves (the
   * command must not lend them the bot's voice), or a bot missing a permission it needs there.
   */
  private static void checkPermissions(Member moderator, GuildMessageChannel target) {
    if (moderator == null
        || !moderator.hasPermission(target, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)) {
      throw UserError.of("post.memberCannot", "channel", target.getId());
    }
    Member self = target.getGuild().getSelfMember();
    for (Permission p : NEEDED) {
      if (!self.hasPermission(target, p)) {
        throw UserError.of("post.botNeeds", "channel", target.getId(), "permission", permission(p));
      }
    }
  }

  /**
   * Posts the article's messages, records the discussion and opens its thread. If any step fails,
   * the messages already sent are deleted (best effort), so no half-made post without a thread is
   * left.
   */
  private Discussion publish(Guild guild, GuildMessageChannel channel, PreparedArticle article) {
    List<Message> sent = new ArrayList<>();
    try {
      return publish(guild, channel, article, sent);
    } catch (RuntimeException | Error e) { // an Error too: a half-made post must not stay up

      log.warn(
          "Posting article {} in channel {} failed after {} messages; deleting them",
          article.articleKey(),
          channel.getId(),
          sent.size(),
          e);
      for (Message m : sent) {
        m.delete()
            .queue(
                null,
                failure ->
                    log.warn(
                        "Could not delete message {} of a failed post: {}",
                        m.getId(),
                        failure.toString()));
      }
      throw failed(e, sent.size());
    }
  }

  private static UserError failed(Throwable e, int sent) {
    if (e instanceof InsufficientPermissionException p) {
      return UserError.of(
          "post.failed.permission",
          "sent",
          sent,
          "permission",
          permission(p.getPermission()),
          "channel",
          p.getChannelId());
    }
    if (e instanceof ErrorResponseException r) {
      return UserError.of(
          "post.failed.discord",
          "sent",
          sent,
          "meaning",
          SafeText.truncate(SafeText.oneLine(r.getMeaning()), 200));
    }
    return UserError.of("post.failed", "sent", sent);
  }

  /** A permission's name, in whichever language the error is read. */
  static UserError.Term permission(Permission p) {
    return texts -> permission(p, texts);
  }

  /** A permission's name as Discord shows it in the reader's language. */
  static String permission(Permission p, Texts texts) {
    String key = "permission." + p.name();
    return texts.has(key) ? texts.get(key) : p.getName();
  }

  private Discussion publish(
      Guild guild, GuildMessageChannel channel, PreparedArticle article, List<Message> sentSoFar) {
    Message post = null;
    // The same messages preview --json prints: PostPayloads decides what the post carries.
    List<MessageCreateData> messages =
        PostPayloads.createData(article, ctx.readers().publicly(guild));
    for (int i = 0; i < messages.size(); i++) {
      Message sent = channel.sendMessage(messages.get(i)).complete();
      sentSoFar.add(sent);
      if (i == article.postIndex()) {
        post = sent;
      }
    }
    // Discord gives a thread started from a message that message's id. Recording the discussion
    // before
    // opening the thread means no take posted in its first milliseconds finds the thread unknown.
    // The message before the post (the video link of a two-message post) is part of the post too:
    // members reply to it as readily as to the embed.
    long lead = article.postIndex() > 0 ? sentSoFar.get(article.postIndex() - 1).getIdLong() : 0;
    Discussion d =
        new Discussion(
            post.getIdLong(),
            guild.getIdLong(),
            channel.getIdLong(),
            post.getIdLong(),
            article.articleKey(),
            article.title(),
            post.getTimeCreated().toInstant(),
            lead);
    ctx.takes().discussions().save(d);
    try {
      ThreadChannel thread =
          post.createThreadChannel(article.threadName())
              .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_24_HOURS)
              .complete();
      if (thread.getIdLong() != d.threadId()) {
        throw new IllegalStateException(
            "thread " + thread.getId() + " does not carry its post's id " + post.getId());
      }
      return d;
    } catch (RuntimeException | Error e) {
      forgetDiscussion(d, e);
      throw e;
    }
  }

  /**
   * Removes the record of a post being taken back, so listings, backfill, retention and digests
   * never meet a discussion whose post is gone. Best effort: the original failure is what the
   * moderator hears.
   */
  private void forgetDiscussion(Discussion d, Throwable cause) {
    try {
      ctx.takes().discussions().delete(d.postMessageId());
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      log.warn(
          "Could not remove discussion {} of a failed post; it points at a deleted message",
          d.postMessageId(),
          e);
    }
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

  private static GuildChannel findChannel(Guild guild, String nameOrId) {
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

  private record Source(String origin, String text) {}

  private Source load(OptionMapping option) {
    return switch (option.getName()) {
      case "text" -> new Source(PASTED, option.getAsString());
      case "file" -> fromAttachment(option.getAsAttachment());
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
