package dev.takebot.discord;

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

  TakeBotSettingsCommand(SettingsService settings) {
    this.settings = settings;
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
    long guild = event.getGuild().getIdLong();
    MessageEditData view = view(guild, null);
    event.reply(create(view)).setEphemeral(true).queue();
  }

  @Override
  public void onEntitySelect(EntitySelectInteractionEvent event) {
    Guild guild = event.getGuild();
    String changed;
    try {
      changed =
          switch (event.getComponentId()) {
            case CHANNEL_ID -> setChannel(guild, event.getMentions().getChannels());
            case ROLES_ID -> setRoles(guild, event.getMentions().getRoles());
            default -> null;
          };
    } catch (UserError e) {
      event.reply(MessageSpecs.text(e.getMessage())).setEphemeral(true).queue();
      return;
    }
    if (changed == null) {
      InteractionRouter.notOurs(event, event.getComponentId());
      return;
    }
    event.editMessage(view(guild.getIdLong(), changed)).queue();
  }

  private String setChannel(Guild guild, List<GuildChannel> picked) {
    if (picked.size() != 1) {
      throw new UserError("Pick one channel.");
    }
    GuildChannel ch = picked.get(0);
    // Resolved objects come with the interaction: a forged one may name another server's channel.
    if (ch.getGuild().getIdLong() != guild.getIdLong()
        || !(ch instanceof GuildMessageChannel)
        || !(ch instanceof IThreadContainer)) {
      throw new UserError(
          "<#"
              + ch.getId()
              + "> can't hold a discussion thread: pick a text or announcement channel.");
    }
    settings.setPostChannel(guild.getIdLong(), ch.getIdLong());
    return "Articles are now posted in <#" + ch.getId() + "> by default.";
  }

  private String setRoles(Guild guild, List<Role> picked) {
    List<Long> ids = new ArrayList<>();
    for (Role r : picked) {
      if (r.getIdLong() == guild.getIdLong()) {
        throw new UserError(
            "@everyone can't be a moderator role: that would make every member a moderator.");
      }
      ids.add(r.getIdLong());
    }
    settings.setModeratorRoles(guild.getIdLong(), ids);
    return ids.isEmpty()
        ? "Moderator roles are back to the bot's defaults."
        : "Moderator roles are now " + mentions(ids) + ".";
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    long guild = event.getGuild().getIdLong();
    switch (event.getComponentId()) {
      case VISIBILITY_ID -> {
        boolean hidden = !settings.get(guild).summariesPrivate();
        settings.setSummariesPrivate(guild, hidden);
        event
            .editMessage(
                view(
                    guild,
                    "`/takes summary` now answers "
                        + (hidden ? "privately" : "publicly")
                        + " unless the member says otherwise."))
            .queue();
      }
      case NUMBERS_ID -> event.replyModal(numbersForm(settings.get(guild))).queue();
      default -> InteractionRouter.notOurs(event, event.getComponentId());
    }
  }

  static Modal numbersForm(GuildSettings s) {
    return Modal.create(NUMBERS_ID, "TakeBot settings")
        .addComponents(
            Label.of(
                "Digest every N takes (0: never)",
                number(DIGEST_INPUT, s.digestEveryTakes(), GuildSettings.MAX_DIGEST_EVERY_TAKES)),
            Label.of(
                "Digest every N hours if takes came (0: never)",
                number(
                    DIGEST_HOURS_INPUT,
                    s.digestEveryHours(),
                    GuildSettings.MAX_DIGEST_EVERY_HOURS)),
            Label.of(
                "Keep takes for N days (0: forever)",
                number(RETENTION_INPUT, s.retentionDays(), GuildSettings.MAX_RETENTION_DAYS)),
            Label.of(
                "Summary cooldown in seconds (0: none)",
                number(
                    COOLDOWN_INPUT,
                    s.summaryCooldownSeconds(),
                    GuildSettings.MAX_SUMMARY_COOLDOWN_SECONDS)),
            Label.of(
                "Language (" + String.join(", ", languages()) + ")",
                TextInput.create(LANGUAGE_INPUT, TextInputStyle.SHORT)
                    .setRequiredRange(2, 5)
                    .setValue(s.language())
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
    try {
      // Everything is read and checked before anything is saved: a typo saves nothing.
      int digest = parse(event, DIGEST_INPUT, "Digest every", GuildSettings.MAX_DIGEST_EVERY_TAKES);
      // A form opened before this field existed has none: the server's value stays.
      int digestHours =
          event.getValue(DIGEST_HOURS_INPUT) == null
              ? settings.get(guild).digestEveryHours()
              : parse(
                  event,
                  DIGEST_HOURS_INPUT,
                  "Digest every N hours",
                  GuildSettings.MAX_DIGEST_EVERY_HOURS);
      int retention =
          parse(event, RETENTION_INPUT, "Days to keep", GuildSettings.MAX_RETENTION_DAYS);
      int cooldown =
          parse(
              event,
              COOLDOWN_INPUT,
              "Summary cooldown",
              GuildSettings.MAX_SUMMARY_COOLDOWN_SECONDS);
      String language = value(event, LANGUAGE_INPUT).toLowerCase(java.util.Locale.ROOT);
      if (!GuildSettings.LANGUAGES.contains(language)) {
        throw new UserError(
            "Language must be one of " + String.join(", ", languages()) + ": nothing was changed.");
      }
      if (digest > 0 && digest < GuildSettings.MIN_DIGEST_EVERY_TAKES) {
        throw new UserError(
            "Digest every must be 0 (off) or at least "
                + GuildSettings.MIN_DIGEST_EVERY_TAKES
                + " takes: nothing was changed.");
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
      event.reply(MessageSpecs.text(e.getMessage())).setEphemeral(true).queue();
      return;
    }
    MessageEditData view = view(guild, "Settings saved.");
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
    throw new UserError(
        what
            + " must be a whole number from 0 to "
            + max
            + " (got "
            + ArticlePostCommand.code(SafeText.truncate(v, 20))
            + "): nothing was changed.");
  }

  private static List<String> languages() {
    return GuildSettings.LANGUAGES.stream().sorted().toList();
  }

  /** The settings message: what is in effect, then the components to change it. */
  MessageEditData view(long guildId, String changed) {
    GuildSettings s = settings.get(guildId);
    GuildSettings d = settings.defaults();
    StringBuilder text = new StringBuilder();
    if (changed != null) {
      text.append("✅ ").append(changed).append("\n\n");
    }
    text.append("**TakeBot settings for this server**\n");
    text.append("Post channel: ").append(postChannel(s.postChannel())).append('\n');
    text.append("Moderator roles: ")
        .append(roles(s.moderatorRoles()))
        .append(s.moderatorRoles().equals(d.moderatorRoles()) ? " (default)" : "")
        .append(", besides anyone with Manage Messages\n");
    text.append("Digest: ").append(digestCadence(s)).append('\n');
    text.append("Keep takes: ")
        .append(s.retentionDays() == 0 ? "forever" : s.retentionDays() + " days")
        .append('\n');
    text.append("Summary cooldown: ")
        .append(s.summaryCooldownSeconds() == 0 ? "none" : s.summaryCooldownSeconds() + " s")
        .append('\n');
    text.append("Summaries: ")
        .append(s.summariesPrivate() ? "private" : "public")
        .append(" by default\n");
    text.append("Language: ").append(s.language());
    EntitySelectMenu channel =
        EntitySelectMenu.create(CHANNEL_ID, SelectTarget.CHANNEL)
            .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)
            .setPlaceholder("Post channel")
            .setRequiredRange(1, 1)
            .build();
    EntitySelectMenu roles =
        EntitySelectMenu.create(ROLES_ID, SelectTarget.ROLE)
            .setPlaceholder("Moderator roles (none: the defaults)")
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
                    s.summariesPrivate()
                        ? "Make summaries public by default"
                        : "Make summaries private by default"),
                Button.secondary(NUMBERS_ID, "Numbers and language…")))
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

  private static String digestCadence(GuildSettings s) {
    List<String> when = new ArrayList<>();
    if (s.digestEveryTakes() > 0) {
      when.add("every " + s.digestEveryTakes() + " takes");
    }
    if (s.digestEveryHours() > 0) {
      when.add(
          "every "
              + (s.digestEveryHours() == 1 ? "hour" : s.digestEveryHours() + " hours")
              + " when takes came");
    }
    return when.isEmpty() ? "off" : String.join(" and ", when);
  }

  private static String postChannel(String configured) {
    if (configured == null || configured.isBlank()) {
      return "not set: the first `/article post` sets it to the channel it is run in";
    }
    return Moderators.isId(configured)
        ? "<#" + configured.strip() + ">"
        : ArticlePostCommand.code("#" + configured) + " (by name, from the configuration)";
  }

  private static String roles(List<String> roles) {
    if (roles.isEmpty()) {
      return "none";
    }
    return roles.stream()
        .map(r -> Moderators.isId(r) ? "<@&" + r.strip() + ">" : ArticlePostCommand.code(r))
        .collect(Collectors.joining(", "));
  }

  private static String mentions(List<Long> ids) {
    return ids.stream().map(id -> "<@&" + id + ">").collect(Collectors.joining(", "));
  }
}
