package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.SafeText;
import dev.takebot.takes.settings.GuildSettings;
import dev.takebot.takes.settings.SettingsService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu.SelectTarget;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /takebot settings}, for the server's managers (Manage Server): shows the server's settings
 * privately, with Discord's own components to change them — a channel select for the post channel,
 * a role select for the moderator roles (stored by id), a button that flips the summaries' default
 * visibility, and a form for the numbers and the language. Every change answers by editing the same
 * message into the new settings and what changed.
 *
 * <p>Every select, button and form id is input anyone can send, so each is checked by the router
 * like the command ({@link #access()}); the values come from Discord's resolved objects and are
 * checked again here (a channel of this server that can hold threads, no {@code @everyone}).
 */
final class TakeBotSettingsCommand implements SlashFeature, ComponentFeature {
  static final String PREFIX = "settings";
  static final String CHANNEL_ID = PREFIX + ":channel";
  static final String ROLES_ID = PREFIX + ":roles";
  static final String VISIBILITY_ID = PREFIX + ":visibility";
  static final String NUMBERS_ID = PREFIX + ":numbers";
  static final String DIGEST_INPUT = "digest";
  static final String DIGEST_HOURS_INPUT = "digest-hours";
  static final String RETENTION_INPUT = "retention";
  static final String COOLDOWN_INPUT = "cooldown";
  static final String LANGUAGE_INPUT = "language";

  private final SettingsService settings;
  private final ServerModerators moderators;

  TakeBotSettingsCommand(SettingsService settings, ServerModerators moderators) {
    this.settings = settings;
    this.moderators = moderators;
  }

  @Override
  public Access access() {
    return Access.managers("change TakeBot's settings");
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKEBOT;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("settings", "See and change TakeBot's settings for this server");
  }

  @Override
  public String idPrefix() {
    return PREFIX;
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    MessageEditData view = view(event.getGuild(), null, Readers.privately(event));
    event.reply(create(view)).setEphemeral(true).queue();
  }

  @Override
  public void onEntitySelect(EntitySelectInteractionEvent event) {
    Guild guild = event.getGuild();
    Texts texts = Readers.privately(event);
    String changed;
    try {
      changed =
          switch (event.getComponentId()) {
            case CHANNEL_ID -> setChannel(guild, event.getMentions().getChannels(), texts);
            case ROLES_ID -> setRoles(guild, event.getMentions().getRoles(), texts);
            default -> null;
          };
    } catch (UserError e) {
      event.reply(MessageSpecs.text(e.message(texts))).setEphemeral(true).queue();
      return;
    }
    if (changed == null) {
      InteractionRouter.notOurs(event, event.getComponentId());
      return;
    }
    event.editMessage(view(guild, changed, texts)).queue();
  }

  private String setChannel(Guild guild, List<GuildChannel> picked, Texts texts) {
    if (picked.size() != 1) {
      throw UserError.of("settings.pickOne");
    }
    GuildChannel ch = picked.get(0);
    // Resolved objects come with the interaction: a forged one may name another server's channel.
    if (ch.getGuild().getIdLong() != guild.getIdLong()
        || !(ch instanceof GuildMessageChannel)
        || !(ch instanceof IThreadContainer)) {
      throw UserError.of("post.noThreads", "channel", ch.getId());
    }
    // Refused now rather than at the first post (or silently by every feed posting there).
    ArticlePublisher.checkBotCanPost((GuildMessageChannel) ch);
    settings.setPostChannel(guild.getIdLong(), ch.getIdLong());
    return texts.get("settings.channelSet", "channel", ch.getId());
  }

  private String setRoles(Guild guild, List<Role> picked, Texts texts) {
    List<Long> ids = new ArrayList<>();
    for (Role r : picked) {
      if (r.getIdLong() == guild.getIdLong()) {
        throw UserError.of("settings.everyone");
      }
      ids.add(r.getIdLong());
    }
    settings.setModeratorRoles(guild.getIdLong(), ids);
    return ids.isEmpty()
        ? texts.get("settings.rolesDefault")
        : texts.get("settings.rolesSet", "roles", mentions(ids));
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    long guild = event.getGuild().getIdLong();
    Texts texts = Readers.privately(event);
    switch (event.getComponentId()) {
      case VISIBILITY_ID -> {
        boolean hidden = !settings.get(guild).summariesPrivate();
        settings.setSummariesPrivate(guild, hidden);
        event
            .editMessage(
                view(
                    event.getGuild(),
                    texts.get(hidden ? "settings.nowPrivate" : "settings.nowPublic"),
                    texts))
            .queue();
      }
      case NUMBERS_ID -> event.replyModal(numbersForm(settings.get(guild), texts)).queue();
      default -> InteractionRouter.notOurs(event, event.getComponentId());
    }
  }

  static Modal numbersForm(GuildSettings s) {
    return numbersForm(s, Texts.english());
  }

  static Modal numbersForm(GuildSettings s, Texts texts) {
    return Modal.create(NUMBERS_ID, texts.get("settings.formTitle"))
        .addComponents(
            Label.of(
                texts.get("settings.digestLabel"),
                number(DIGEST_INPUT, s.digestEveryTakes(), GuildSettings.MAX_DIGEST_EVERY_TAKES)),
            Label.of(
                texts.get("settings.digestHoursLabel"),
                number(
                    DIGEST_HOURS_INPUT,
                    s.digestEveryHours(),
                    GuildSettings.MAX_DIGEST_EVERY_HOURS)),
            Label.of(
                texts.get("settings.retentionLabel"),
                number(RETENTION_INPUT, s.retentionDays(), GuildSettings.MAX_RETENTION_DAYS)),
            Label.of(
                texts.get("settings.cooldownLabel"),
                number(
                    COOLDOWN_INPUT,
                    s.summaryCooldownSeconds(),
                    GuildSettings.MAX_SUMMARY_COOLDOWN_SECONDS)),
            Label.of(
                texts.get("settings.languageLabel", "languages", String.join(", ", languages())),
                TextInput.create(LANGUAGE_INPUT, TextInputStyle.SHORT)
                    .setRequired(false) // blank: the server's own Discord language
                    .setRequiredRange(0, 5)
                    .setValue(s.language().isEmpty() ? null : s.language())
                    .build()))
        .build();
  }

  private static TextInput number(String id, int value, int max) {
    return TextInput.create(id, TextInputStyle.SHORT)
        .setRequiredRange(1, Integer.toString(max).length())
        .setValue(Integer.toString(value))
        .build();
  }

  @Override
  public void onModal(ModalInteractionEvent event) {
    if (!NUMBERS_ID.equals(event.getModalId())) {
      InteractionRouter.notOurs(event, event.getModalId());
      return;
    }
    long guild = event.getGuild().getIdLong();
    Texts texts = Readers.privately(event);
    try {
      // Everything is read and checked before anything is saved: a typo saves nothing.
      int digest =
          parse(event, DIGEST_INPUT, "settings.digestName", GuildSettings.MAX_DIGEST_EVERY_TAKES);
      // A form opened before this field existed has none: the server's value stays.
      int digestHours =
          event.getValue(DIGEST_HOURS_INPUT) == null
              ? settings.get(guild).digestEveryHours()
              : parse(
                  event,
                  DIGEST_HOURS_INPUT,
                  "settings.digestHoursName",
                  GuildSettings.MAX_DIGEST_EVERY_HOURS);
      int retention =
          parse(event, RETENTION_INPUT, "settings.retentionName", GuildSettings.MAX_RETENTION_DAYS);
      int cooldown =
          parse(
              event,
              COOLDOWN_INPUT,
              "settings.cooldownName",
              GuildSettings.MAX_SUMMARY_COOLDOWN_SECONDS);
      String language = value(event, LANGUAGE_INPUT).toLowerCase(java.util.Locale.ROOT);
      if (!language.isEmpty() && !GuildSettings.LANGUAGES.contains(language)) {
        throw UserError.of("settings.badLanguage", "languages", String.join(", ", languages()));
      }
      if (digest > 0 && digest < GuildSettings.MIN_DIGEST_EVERY_TAKES) {
        throw UserError.of("settings.digestMin", "min", GuildSettings.MIN_DIGEST_EVERY_TAKES);
      }
      GuildSettings now = settings.get(guild);
      if (digest != now.digestEveryTakes()) {
        settings.setDigestEveryTakes(guild, digest);
      }
      if (digestHours != now.digestEveryHours()) {
        settings.setDigestEveryHours(guild, digestHours);
      }
      if (retention != now.retentionDays()) {
        settings.setRetentionDays(guild, retention);
      }
      if (cooldown != now.summaryCooldownSeconds()) {
        settings.setSummaryCooldownSeconds(guild, cooldown);
      }
      if (!language.equals(now.language())) {
        settings.setLanguage(guild, language);
      }
    } catch (UserError e) {
      event.reply(MessageSpecs.text(e.message(texts))).setEphemeral(true).queue();
      return;
    }
    MessageEditData view = view(event.getGuild(), texts.get("settings.saved"), texts);
    if (event.getMessage() != null) {
      event.editMessage(view).queue();
    } else {
      // A form sent without the settings message (e.g. a modified client): answer afresh.
      event.reply(create(view)).setEphemeral(true).queue();
    }
  }

  private static String value(ModalInteractionEvent event, String id) {
    ModalMapping m = event.getValue(id);
    return m == null ? "" : m.getAsString().strip();
  }

  /**
   * @param what the key of the field's name in the messages
   */
  private static int parse(ModalInteractionEvent event, String id, String what, int max) {
    String v = value(event, id);
    try {
      int n = Integer.parseInt(v);
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    return failParse(what, max, v);
  }

  private static int failParse(String what, int max, String got) {
    throw UserError.of(
        "settings.badNumber",
        "what",
        (UserError.Term) texts -> texts.get(what),
        "max",
        max,
        "got",
        ArticlePostCommand.code(SafeText.truncate(got, 20)));
  }

  private static List<String> languages() {
    return GuildSettings.LANGUAGES.stream().sorted().toList();
  }

  /**
   * The settings message in the manager's language: what is in effect, then the components to
   * change it. It never names a role deleted from the server.
   */
  MessageEditData view(Guild guild, String changed, Texts texts) {
    GuildSettings s = moderators.current(guild);
    GuildSettings d = settings.defaults();
    boolean byDefault = s.moderatorRoles().equals(d.moderatorRoles());
    StringBuilder text = new StringBuilder();
    if (changed != null) {
      text.append("✅ ").append(changed).append("\n\n");
    }
    text.append(texts.get("settings.heading")).append('\n');
    text.append(texts.get("settings.postChannel", "channel", postChannel(s.postChannel(), texts)))
        .append('\n');
    text.append(
            texts.get(
                !byDefault
                    ? "settings.moderatorRoles"
                    : moderators.chosenRolesDeleted(guild)
                        ? "settings.moderatorRoles.deleted"
                        : "settings.moderatorRoles.default",
                "roles",
                roles(guild, s.moderatorRoles(), texts)))
        .append('\n');
    text.append(texts.get("settings.digest", "cadence", digestCadence(s, texts))).append('\n');
    text.append(texts.get("settings.keep", "days", s.retentionDays())).append('\n');
    text.append(texts.get("settings.cooldown", "seconds", s.summaryCooldownSeconds())).append('\n');
    text.append(texts.get(s.summariesPrivate() ? "settings.private" : "settings.public"))
        .append('\n');
    text.append(
        s.language().isEmpty()
            ? texts.get("settings.language.auto")
            : texts.get("settings.language", "language", s.language()));
    EntitySelectMenu channel =
        EntitySelectMenu.create(CHANNEL_ID, SelectTarget.CHANNEL)
            .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)
            .setPlaceholder(texts.get("settings.channelPlaceholder"))
            .setRequiredRange(1, 1)
            .build();
    EntitySelectMenu roles =
        EntitySelectMenu.create(ROLES_ID, SelectTarget.ROLE)
            .setPlaceholder(texts.get("settings.rolesPlaceholder"))
            .setRequiredRange(0, 25)
            .build();
    return new MessageEditBuilder()
        .setContent(text.toString())
        .setAllowedMentions(MessageSpecs.NO_MENTIONS)
        .setComponents(
            ActionRow.of(channel),
            ActionRow.of(roles),
            ActionRow.of(
                Button.secondary(
                    VISIBILITY_ID,
                    texts.get(
                        s.summariesPrivate() ? "settings.makePublic" : "settings.makePrivate")),
                Button.secondary(NUMBERS_ID, texts.get("settings.numbersButton"))))
        .build();
  }

  /** The same message, sent as a new answer rather than an edit. */
  private static MessageCreateData create(MessageEditData view) {
    return new MessageCreateBuilder()
        .setContent(view.getContent())
        .setAllowedMentions(MessageSpecs.NO_MENTIONS)
        .setComponents(view.getComponents())
        .build();
  }

  private static String postChannel(String configured, Texts texts) {
    if (configured == null || configured.isBlank()) {
      return texts.get("settings.postChannel.unset");
    }
    return Moderators.isId(configured)
        ? "<#" + configured.strip() + ">"
        : texts.get(
            "settings.postChannel.byName", "name", ArticlePostCommand.code("#" + configured));
  }

  /** The roles as mentions, leaving out ids of roles this server does not have (any more). */
  private static String roles(Guild guild, List<String> roles, Texts texts) {
    List<String> shown =
        roles.stream()
            .filter(r -> !Moderators.isId(r) || guild.getRoleById(r.strip()) != null)
            .map(r -> Moderators.isId(r) ? "<@&" + r.strip() + ">" : ArticlePostCommand.code(r))
            .toList();
    return shown.isEmpty() ? texts.get("settings.roles.none") : String.join(", ", shown);
  }

  private static String digestCadence(GuildSettings s, Texts texts) {
    List<String> when = new ArrayList<>();
    if (s.digestEveryTakes() > 0) {
      when.add(texts.get("settings.cadence.takes", "count", s.digestEveryTakes()));
    }
    if (s.digestEveryHours() > 0) {
      when.add(texts.get("settings.cadence.hours", "hours", s.digestEveryHours()));
    }
    return when.isEmpty()
        ? texts.get("settings.cadence.off")
        : when.size() == 1
            ? when.get(0)
            : texts.get("settings.cadence.and", "first", when.get(0), "second", when.get(1));
  }

  private static String mentions(List<Long> ids) {
    return ids.stream().map(id -> "<@&" + id + ">").collect(Collectors.joining(", "));
  }
}
