package dev.takebot.sandbox;

import java.util.List;

/**
 * One guild of a sandbox, for scenarios with several guilds (e.g. spread over shards). Each has its
 * own roles, channels and members, shaped like the first guild: {@code @everyone}, Moderator, the
 * bot's role, {@code #news}, {@code #general}, {@code #read-only}, the owner, the bot and a default
 * moderator and member. Members act through {@link DiscordSandbox}'s methods ({@code post}, {@code
 * slash}…), which find the guild from the channel.
 */
public final class SandboxGuild {
  private final SandboxEngine engine;
  private final GuildModel guild;
  private final Member defaultModerator;
  private final Member defaultMember;

  SandboxGuild(SandboxEngine engine, GuildModel guild) {
    this.engine = engine;
    this.guild = guild;
    this.defaultModerator = addMember("mod", guild.moderator);
    this.defaultMember = addMember("member");
  }

  /** The guild's id (also the id of its {@code @everyone}). */
  public String id() {
    return guild.id;
  }

  public String name() {
    return guild.name;
  }

  /** The shard that receives this guild when the bot runs {@code numShards} shards. */
  public int shard(int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("numShards must be at least 1");
    }
    return guild.shard(numShards);
  }

  /** The bot's member here (the same user in every guild). */
  public Member bot() {
    return guild.bot;
  }

  public Member owner() {
    return guild.owner;
  }

  public Role everyoneRole() {
    return guild.everyone;
  }

  public Role moderatorRole() {
    return guild.moderator;
  }

  public Role botRole() {
    return guild.botRole;
  }

  public Channel news() {
    return guild.news;
  }

  public Channel general() {
    return guild.general;
  }

  public Channel readOnly() {
    return guild.readOnly;
  }

  /** This guild's default moderator, {@code mod}. */
  public Member moderator() {
    return defaultModerator;
  }

  /** This guild's default plain member, {@code member}. */
  public Member member() {
    return defaultMember;
  }

  /** Adds a member of this guild holding the given roles of it (GUILD_MEMBER_ADD). */
  public Member addMember(String name, Role... roles) {
    return engine.call(() -> engine.guildChanges.addMember(guild, name, roles));
  }

  /** Sets this guild's {@code preferred_locale}, e.g. {@code fr} (GUILD_UPDATE). */
  public void setPreferredLocale(String locale) {
    engine.run(() -> engine.guildChanges.setPreferredLocale(guild, locale));
  }

  /** This guild's members, including the bot and the owner. */
  public List<Member> members() {
    return engine.call(() -> List.copyOf(guild.members.values()));
  }

  GuildModel model() {
    return guild;
  }

  @Override
  public String toString() {
    return "SandboxGuild[" + guild.name + " " + guild.id + "]";
  }
}
