package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.DiscordLimits;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Discussion;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Who may see a discussion, and where its takes may be shown publicly, from Discord's permissions.
 *
 * <p><b>Visibility.</b> A discussion's takes live in its public thread and as replies in the
 * channel it was posted in, and a public thread is seen by whoever sees its parent, so a member may
 * see a discussion exactly when they have View Channel in {@link Discussion#channelId()}. A channel
 * missing from JDA's cache has been deleted (Discord sends every channel of a guild, seen by the
 * bot or not), and with it the thread and the replies; nobody, administrators included, can check
 * any more who could read them, so such a discussion is visible to no one.
 *
 * <p><b>Public answers.</b> A public answer in channel A is seen by A's audience; it may quote a
 * discussion only when that audience is no wider than the discussion's. Discord's audiences cannot
 * be compared exactly without every member cached, so the test is conservative: quoting is allowed
 * when
 *
 * <ul>
 *   <li>A is the discussion's channel, or a thread in it (a thread's audience is its parent's, or
 *       fewer for a private thread), or
 *   <li>the discussion's channel is open to the whole server: {@code @everyone} may view it and no
 *       role or member overwrite on it denies View Channel (so no member's roles can take the view
 *       away).
 * </ul>
 *
 * Otherwise the answer is given privately, with a sentence saying why ({@link #reason}).
 */
final class Audience {
  private Audience() {}

  /** The channels whose discussions {@code member} may see; nothing without a member. */
  static ChannelScope of(Member member) {
    if (member == null) {
      return ChannelScope.none();
    }
    return ChannelScope.only(
        member.getGuild().getChannels().stream()
            .filter(ch -> !(ch instanceof ThreadChannel))
            .filter(ch -> member.hasPermission(ch, Permission.VIEW_CHANNEL))
            .map(GuildChannel::getIdLong)
            .toList());
  }

  /**
   * Whether {@code member} may see discussion {@code d}: View Channel in its channel, which must
   * still exist. Its thread needs no check of its own: the bot opens public threads on its post,
   * seen by whoever sees the channel, and Discord cannot turn a public thread private.
   */
  static boolean canSee(Member member, Discussion d) {
    if (member == null) {
      return false;
    }
    GuildChannel ch = member.getGuild().getGuildChannelById(d.channelId());
    return ch != null
        && !(ch instanceof ThreadChannel)
        && member.hasPermission(ch, Permission.VIEW_CHANNEL);
  }

  /** The channels whose discussions may be quoted in a public answer in {@code answer}. */
  static ChannelScope quotableIn(GuildChannel answer) {
    if (answer == null) {
      return ChannelScope.none();
    }
    long home = home(answer);
    Guild guild = answer.getGuild();
    List<Long> ids =
        guild.getChannels().stream()
            .filter(ch -> !(ch instanceof ThreadChannel))
            .filter(ch -> ch.getIdLong() == home || openToEveryone(guild, ch))
            .map(GuildChannel::getIdLong)
            .toList();
    return ChannelScope.only(ids);
  }

  /**
   * Whether a public answer in {@code answer} may quote discussion {@code d} (see the class
   * comment).
   */
  static boolean quotableIn(Discussion d, GuildChannel answer) {
    return quotableIn(answer).allows(d);
  }

  /**
   * Every member can view {@code ch}: {@code @everyone} can, and no overwrite denies View Channel.
   * A role's own permissions can only add to {@code @everyone}'s, so only overwrites can take the
   * view away.
   */
  static boolean openToEveryone(Guild guild, GuildChannel ch) {
    IPermissionContainer container = ch.getPermissionContainer();
    return guild.getPublicRole().hasPermission(ch, Permission.VIEW_CHANNEL)
        && container.getPermissionOverrides().stream()
            .noneMatch(o -> o.getDenied().contains(Permission.VIEW_CHANNEL));
  }

  /** The channel whose audience an answer in {@code channel} reaches at most: a thread's parent. */
  private static long home(GuildChannel channel) {
    return channel instanceof ThreadChannel t
        ? t.getParentChannel().getIdLong()
        : channel.getIdLong();
  }

  /**
   * Why an answer was given privately: it quotes a channel not everyone in the answer's channel can
   * see.
   */
  static String reason(long quotedChannelId) {
    return reason(quotedChannelId, Texts.english());
  }

  static String reason(long quotedChannelId, Texts texts) {
    return texts.get("audience.onlyYou", "channel", Long.toString(quotedChannelId));
  }

  /** {@code spec} with {@link #reason} as its first line. */
  static MessageSpec explained(MessageSpec spec, long quotedChannelId) {
    return explained(spec, quotedChannelId, Texts.english());
  }

  static MessageSpec explained(MessageSpec spec, long quotedChannelId, Texts texts) {
    String content =
        spec.content().isBlank()
            ? reason(quotedChannelId, texts)
            : reason(quotedChannelId, texts) + "\n" + spec.content();
    return new MessageSpec(
        SafeText.truncate(content, DiscordLimits.CONTENT),
        spec.embeds(),
        spec.buttons(),
        spec.files());
  }
}
