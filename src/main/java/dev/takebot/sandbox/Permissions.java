package dev.takebot.sandbox;

/**
 * Discord permission bits the sandbox understands, as used in role {@code permissions} and channel
 * overwrites. Values are Discord's (see "Permissions" in the Discord API reference).
 */
public final class Permissions {
  /** Create Instant Invite. */
  public static final long CREATE_INSTANT_INVITE = 1L << 0;

  /** Administrator. */
  public static final long ADMINISTRATOR = 1L << 3;

  /** Manage Channels. */
  public static final long MANAGE_CHANNELS = 1L << 4;

  /** Manage Guild. */
  public static final long MANAGE_GUILD = 1L << 5;

  /** Add Reactions. */
  public static final long ADD_REACTIONS = 1L << 6;

  /** View Channel. */
  public static final long VIEW_CHANNEL = 1L << 10;

  /** Send Messages. */
  public static final long SEND_MESSAGES = 1L << 11;

  /** Manage Messages. */
  public static final long MANAGE_MESSAGES = 1L << 13;

  /** Embed Links. */
  public static final long EMBED_LINKS = 1L << 14;

  /** Attach Files. */
  public static final long ATTACH_FILES = 1L << 15;

  /** Read Message History. */
  public static final long READ_MESSAGE_HISTORY = 1L << 16;

  /** Mention Everyone. */
  public static final long MENTION_EVERYONE = 1L << 17;

  /** Use External Emojis. */
  public static final long USE_EXTERNAL_EMOJIS = 1L << 18;

  /** Connect. */
  public static final long CONNECT = 1L << 20;

  /** Speak. */
  public static final long SPEAK = 1L << 21;

  /** Change Nickname. */
  public static final long CHANGE_NICKNAME = 1L << 26;

  /** Manage Roles. */
  public static final long MANAGE_ROLES = 1L << 28;

  /** Use Application Commands. */
  public static final long USE_APPLICATION_COMMANDS = 1L << 31;

  /** Manage Threads. */
  public static final long MANAGE_THREADS = 1L << 34;

  /** Create Public Threads. */
  public static final long CREATE_PUBLIC_THREADS = 1L << 35;

  /** Create Private Threads. */
  public static final long CREATE_PRIVATE_THREADS = 1L << 36;

  /** Send Messages In Threads. */
  public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

  /** Every bit, what an administrator gets. */
  public static final long ALL = (1L << 51) - 1;

  /** What a fresh guild's {@code @everyone} role allows, roughly Discord's default. */
  public static final long EVERYONE_DEFAULT =
      CREATE_INSTANT_INVITE
          | ADD_REACTIONS
          | VIEW_CHANNEL
          | SEND_MESSAGES
          | EMBED_LINKS
          | ATTACH_FILES
          | READ_MESSAGE_HISTORY
          | USE_EXTERNAL_EMOJIS
          | CONNECT
          | SPEAK
          | CHANGE_NICKNAME
          | USE_APPLICATION_COMMANDS
          | CREATE_PUBLIC_THREADS
          | SEND_MESSAGES_IN_THREADS;

  /** The permissions TakeBot's invite asks for; the bot's managed role gets exactly these. */
  public static final long BOT_DEFAULT =
      VIEW_CHANNEL
          | SEND_MESSAGES
          | EMBED_LINKS
          | ATTACH_FILES
          | READ_MESSAGE_HISTORY
          | CREATE_PUBLIC_THREADS
          | SEND_MESSAGES_IN_THREADS;

  private Permissions() {}

  /** True when {@code granted} contains every bit of {@code required}. */
  public static boolean has(long granted, long required) {
    return (granted & required) == required;
  }
}
