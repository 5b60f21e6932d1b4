package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.DiscordLimits;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeQuery;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.settings.SettingsService;
import dev.takebot.takes.summary.Cooldowns;
import dev.takebot.takes.summary.SummaryRenderer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /takes list [article] [sentiment] [member]}: the takes, 10 per page, with Previous/Next
 * buttons. The list is public (so a moderator can walk the room through it); only the member who
 * ran the command can page it, others get a short ephemeral refusal. The buttons carry the whole
 * state in their custom id ({@link PageRequest}), so pages survive restarts and nothing is held in
 * memory. After {@link #LIFETIME} the buttons are removed, and a press on a stale one (e.g. after a
 * restart dropped the removal) answers "this list expired".
 *
 * <p>Only takes the member may see are listed ({@link Audience}). A public list never carries takes
 * into a channel whose audience is wider than their discussion's: when the filters match such takes
 * the whole list is answered privately, saying why, and a public list's pages stay within what may
 * be quoted here. Button ids are input: each press is checked against the server, the invoker and
 * what they may see now.
 */
final class TakesListCommand implements SlashFeature, ComponentFeature {
  private static final Logger log = LoggerFactory.getLogger(TakesListCommand.class);
  static final String PREFIX = "takebot-list";
  static final int PAGE_SIZE = 10;
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /**
   * How many hidden-here discussions a public list checks for matching takes before going private.
   */
  static final int CHECKED_DISCUSSIONS = 25;

  private static final int COLOR = 0x5865F2;

  private final BotContext ctx;
  private final ArticleOption articles;

  /** Each member's pause between two public lists; null: none. */
  private final ServerCooldowns cooldowns;

  TakesListCommand(BotContext ctx) {
    this(ctx, null);
  }

  /**
   * @param settings each server's pause between a member's two public lists (the summary cooldown,
   *     {@link dev.takebot.takes.settings.GuildSettings#summaryCooldownSeconds}); null: none
   */
  TakesListCommand(BotContext ctx, SettingsService settings) {
    this.ctx = ctx;
    this.articles = new ArticleOption(ctx.takes().discussions());
    this.cooldowns = settings == null ? null : new ServerCooldowns(settings);
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKES;
  }

  @Override
  public String idPrefix() {
    return PREFIX;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("list", "Browse takes, 10 per page")
        .addOptions(
            ArticleOption.option("Only this article's takes (default: every article)"),
            SentimentOption.option("Only takes with this tag", false),
            new OptionData(OptionType.USER, "member", "Only this member's takes"));
  }

  @Override
  public void autoComplete(CommandAutoCompleteInteractionEvent event) {
    articles.autoComplete(event);
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    long guild = event.getGuild().getIdLong();
    ChannelScope visible = Audience.of(event.getMember());
    OptionMapping a = event.getOption(ArticleOption.NAME);
    Long post = null;
    if (a != null) {
      Optional<Discussion> d = articles.named(guild, visible, a.getAsString());
      if (d.isEmpty()) {
        event
            .reply(
                MessageSpecs.text(ArticleOption.noMatch(a.getAsString(), Readers.privately(event))))
            .setEphemeral(true)
            .queue();
        return;
      }
      post = d.get().postMessageId();
    }
    OptionMapping s = event.getOption(SentimentOption.NAME);
    OptionMapping m = event.getOption("member");
    User member = m == null ? null : m.getAsUser();
    TakeQuery query =
        new TakeQuery(
            guild,
            post,
            s == null ? null : Label.parse(s.getAsString()),
            member == null ? null : member.getIdLong(),
            visible);
    // Decided once, before the answer exists: a public list stays within what may be quoted here on
    // every
    // page, a private one covers all the member may see.
    ChannelScope quotable = Audience.quotableIn(event.getGuildChannel());
    Optional<Long> narrower = narrowerSource(query, quotable);
    PageRequest first =
        new PageRequest(
            event.getUser().getIdLong(), query, true, 0, 1, ctx.clock().instant().getEpochSecond());
    // A public list is a message for the whole channel: like summaries, one per member per pause,
    // so nobody can flood a channel with them; within the pause the member still gets it,
    // privately.
    Optional<Duration> crowded =
        narrower.isPresent() ? Optional.empty() : wait(guild, event.getUser().getIdLong());
    boolean hidden = narrower.isPresent() || crowded.isPresent();
    InteractionHook hook = event.deferReply(hidden).complete();
    Texts texts = Texts.forLocale(ctx.readers().of(event, hidden));
    MessageSpec page =
        narrower.isPresent()
            ? Audience.explained(render(first, texts), narrower.get(), texts)
            : crowded.isPresent()
                ? noted(
                    render(first, texts),
                    texts.get(
                        "list.onlyYouCooldown",
                        "seconds",
                        Math.max(1, (crowded.get().toMillis() + 999) / 1000)))
                : render(first.within(visible.and(quotable)), texts);
    hook.editOriginal(MessageSpecs.toEditData(page)).complete();
    // Interaction tokens live 15 minutes, so the original response can still be edited at 10.
    hook.editOriginalComponents()
        .queueAfter(
            LIFETIME.toSeconds(),
            TimeUnit.SECONDS,
            null,
            e -> log.debug("Could not expire list {}", event.getId(), e));
  }

  /** How long the member must still wait before their next public list, if at all. */
  private Optional<Duration> wait(long guildId, long memberId) {
    Cooldowns members = cooldowns == null ? null : cooldowns.of(guildId);
    return members == null ? Optional.empty() : members.tryAcquire(memberId);
  }

  private static MessageSpec noted(MessageSpec spec, String note) {
    String content = spec.content().isBlank() ? note : note + "\n" + spec.content();
    return new MessageSpec(
        SafeText.truncate(content, DiscordLimits.CONTENT),
        spec.embeds(),
        spec.buttons(),
        spec.files());
  }

  /**
   * The channel of a discussion with takes matching {@code query} that may not be quoted publicly
   * here, if any. Checks at most {@link #CHECKED_DISCUSSIONS} such discussions one by one (each an
   * index seek); past that it assumes the worst, which only makes the answer private.
   */
  private Optional<Long> narrowerSource(TakeQuery query, ChannelScope quotable) {
    TakeService takes = ctx.takes();
    ChannelScope narrow = query.scope().minus(quotable);
    if (narrow.isEmpty()) {
      return Optional.empty();
    }
    if (query.postMessageId() != null) {
      return takes
          .discussions()
          .find(query.postMessageId())
          .filter(narrow::allows)
          .map(Discussion::channelId);
    }
    List<Discussion> candidates =
        takes.discussions().list(query.guildId(), narrow, CHECKED_DISCUSSIONS + 1);
    if (candidates.size() > CHECKED_DISCUSSIONS) {
      return Optional.of(candidates.get(0).channelId());
    }
    return candidates.stream()
        .filter(d -> !takes.page(query.onPost(d.postMessageId()), 0, true, 1).isEmpty())
        .map(Discussion::channelId)
        .findFirst();
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    long guild = event.getGuild().getIdLong();
    PageRequest req;
    try {
      req = PageRequest.parse(event.getComponentId(), guild, ChannelScope.none());
    } catch (IllegalArgumentException e) {
      log.debug("Malformed list button id {}", event.getComponentId(), e);
      event
          .reply(MessageSpecs.text(Readers.privately(event).get("list.invalid")))
          .setEphemeral(true)
          .queue();
      return;
    }
    if (event.getUser().getIdLong() != req.invokerId()) {
      event
          .reply(MessageSpecs.text(Readers.privately(event).get("list.notYours")))
          .setEphemeral(true)
          .queue();
      return;
    }
    if (req.expired(ctx.clock().instant(), LIFETIME)) {
      event.editComponents().queue();
      event
          .getHook()
          .sendMessage(MessageSpecs.text(Readers.privately(event).get("list.expired")))
          .setEphemeral(true)
          .queue();
      return;
    }
    // The id is input: its article must be of this server and visible to the member now
    // (permissions may
    // have changed since the list was shown), and a public list still only shows what may be quoted
    // here.
    ChannelScope visible = Audience.of(event.getMember());
    Long post = req.query().postMessageId();
    if (post != null
        && ctx.takes().discussions().find(guild, post).filter(visible::allows).isEmpty()) {
      event
          .reply(MessageSpecs.text(Readers.privately(event).get("list.invalid")))
          .setEphemeral(true)
          .queue();
      return;
    }
    if (event.getMessage().isEphemeral()) {
      PageRequest mine = req.within(visible);
      Optional<Long> narrower =
          narrowerSource(mine.query(), Audience.quotableIn(event.getGuildChannel()));
      Texts texts = Readers.privately(event);
      MessageSpec page = render(mine, texts);
      event
          .editMessage(
              MessageSpecs.toEditData(
                  narrower.map(ch -> Audience.explained(page, ch, texts)).orElse(page)))
          .queue();
      return;
    }
    event
        .editMessage(
            MessageSpecs.toEditData(
                render(
                    req.within(visible.and(Audience.quotableIn(event.getGuildChannel()))),
                    ctx.readers().publicly(event.getGuild()))))
        .queue();
  }

  /** One page and its buttons, within the request's scope. */
  MessageSpec render(PageRequest req) {
    return render(req, Texts.english());
  }

  /** One page in the readers' language. */
  MessageSpec render(PageRequest req, Texts texts) {
    TakeService takes = ctx.takes();
    TakeQuery q = req.query();
    List<Take> page = takes.page(q, req.cursor(), req.forward(), PAGE_SIZE);
    if (page.isEmpty() && !req.forward()) { // the takes before were deleted: show the first page
      req = new PageRequest(req.invokerId(), q, true, 0, 1, req.issuedEpochSecond());
      page = takes.page(q, 0, true, PAGE_SIZE);
    }
    Optional<Discussion> article =
        q.postMessageId() == null
            ? Optional.empty()
            : takes.discussions().find(q.guildId(), q.postMessageId()).filter(q.scope()::allows);
    String title =
        article
            .map(
                d ->
                    texts.get(
                        "list.titleOn",
                        "title",
                        SafeText.truncate(SafeText.oneLine(d.title()), 200)))
            .orElse(texts.get("list.title"));
    StringBuilder filters = new StringBuilder();
    if (q.label() != null) {
      filters
          .append(texts.get("list.tagged", "label", SummaryRenderer.label(q.label(), texts)))
          .append(' ');
    }
    if (q.authorId() != null) {
      filters.append(texts.get("list.by", "member", Long.toString(q.authorId()))).append(' ');
    }
    StringBuilder body = new StringBuilder();
    if (!filters.isEmpty()) {
      body.append(texts.get("list.only", "filters", filters.toString().strip())).append("\n\n");
    }
    if (page.isEmpty()) {
      body.append(texts.get("list.none"));
    }
    for (Take t : page) {
      body.append(TakeLines.line(q.guildId(), t, q.authorId() == null, texts)).append('\n');
    }
    boolean hasPrev =
        !page.isEmpty() && !takes.page(q, page.get(0).messageId(), false, 1).isEmpty();
    boolean hasNext =
        !page.isEmpty() && !takes.page(q, page.get(page.size() - 1).messageId(), true, 1).isEmpty();
    int pageNo = hasPrev ? Math.max(2, req.page()) : 1;
    List<ButtonSpec> buttons = List.of();
    if (hasPrev || hasNext) {
      PageRequest prev =
          new PageRequest(
              req.invokerId(),
              q,
              false,
              page.get(0).messageId(),
              pageNo - 1,
              req.issuedEpochSecond());
      PageRequest next =
          new PageRequest(
              req.invokerId(),
              q,
              true,
              page.get(page.size() - 1).messageId(),
              pageNo + 1,
              req.issuedEpochSecond());
      buttons =
          List.of(
              new ButtonSpec(
                  ButtonSpec.Style.SECONDARY,
                  texts.get("list.previous"),
                  prev.customId(),
                  null,
                  !hasPrev),
              new ButtonSpec(
                  ButtonSpec.Style.SECONDARY,
                  texts.get("list.next"),
                  next.customId(),
                  null,
                  !hasNext));
    }
    EmbedSpec embed =
        new EmbedSpec(
            title,
            article.map(TakeLines::postUrl).orElse(null),
            SafeText.truncate(body.toString().strip(), 4000),
            COLOR,
            List.of(),
            texts.get("list.footer", "page", pageNo),
            null,
            null);
    return new MessageSpec("", List.of(embed), buttons, List.of());
  }

  /**
   * What a paging button asks for, packed into its custom id (at most 100 characters, numbers in
   * base 36): {@code
   * takebot-list:<f|b><cursor>:<page>:<invoker>:<post|->:<label|->:<author|->:<issued>}.
   *
   * @param forward true for the page after {@code cursor}, false for the page before it
   * @param issuedEpochSecond when the list was first shown: every page of it expires together
   */
  record PageRequest(
      long invokerId,
      TakeQuery query,
      boolean forward,
      long cursor,
      int page,
      long issuedEpochSecond) {

    String customId() {
      String id =
          PREFIX
              + ":"
              + (forward ? "f" : "b")
              + b36(cursor)
              + ":"
              + Integer.toString(page, 36)
              + ":"
              + b36(invokerId)
              + ":"
              + (query.postMessageId() == null ? "-" : b36(query.postMessageId()))
              + ":"
              + (query.label() == null ? "-" : query.label().name().substring(0, 3))
              + ":"
              + (query.authorId() == null ? "-" : b36(query.authorId()))
              + ":"
              + b36(issuedEpochSecond);
      if (id.length() > 100) {
        throw new IllegalStateException("list button id too long: " + id.length());
      }
      return id;
    }

    /**
     * The same request within {@code scope} (a custom id carries no scope: it is the member's,
     * now).
     */
    PageRequest within(ChannelScope scope) {
      return new PageRequest(
          invokerId, query.within(scope), forward, cursor, page, issuedEpochSecond);
    }

    boolean expired(Instant now, Duration lifetime) {
      return now.getEpochSecond() - issuedEpochSecond > lifetime.toSeconds();
    }

    /**
     * @throws IllegalArgumentException when the id is not one this class made
     */
    static PageRequest parse(String customId, long guildId, ChannelScope scope) {
      String[] p = customId.split(":");
      if (p.length != 8 || !p[0].equals(PREFIX) || !p[1].matches("[fb][0-9a-z]+")) {
        throw new IllegalArgumentException("malformed list button id " + customId);
      }
      Label label = null;
      if (!p[5].equals("-")) {
        for (Label l : Label.values()) {
          if (p[5].length() == 3 && l.name().startsWith(p[5])) {
            label = l;
          }
        }
        if (label == null) {
          throw new IllegalArgumentException("unknown tag in list button id " + customId);
        }
      }
      TakeQuery q =
          new TakeQuery(
              guildId,
              p[4].equals("-") ? null : Long.parseLong(p[4], 36),
              label,
              p[6].equals("-") ? null : Long.parseLong(p[6], 36),
              scope);
      return new PageRequest(
          Long.parseLong(p[3], 36),
          q,
          p[1].charAt(0) == 'f',
          Long.parseLong(p[1].substring(1), 36),
          Integer.parseInt(p[2], 36),
          Long.parseLong(p[7], 36));
    }

    private static String b36(long v) {
      return Long.toString(v, 36);
    }
  }
}
