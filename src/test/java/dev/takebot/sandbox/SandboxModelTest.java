package dev.takebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure parts of the sandbox: ids, permission arithmetic, validation and rate-limit buckets. */
@DisplayName("Sandbox model")
class SandboxModelTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private final ObjectMapper json = new ObjectMapper();
  private final Snowflakes ids = new Snowflakes(Clock.fixed(NOW, ZoneOffset.UTC));
  private final GuildModel guild =
      new GuildModel(ids.next(), "TakeBot Sandbox", ids, ids.next(), "TakeBot", NOW);

  @Test
  @DisplayName(
      "guild ids minted a millisecond apart fall on consecutive shards: (id >> 22) % num_shards")
  void guildIdsSpreadOverShards() {
    String a = ids.nextInNewMillisecond();
    String b = ids.nextInNewMillisecond();
    String c = ids.next();
    GuildModel first = new GuildModel(a, "a", ids, "1", "bot", NOW);
    GuildModel second = new GuildModel(b, "b", ids, "1", "bot", NOW);
    assertThat((first.shard(2) + 1) % 2).isEqualTo(second.shard(2));
    assertThat(first.shard(2)).isEqualTo((int) ((Long.parseUnsignedLong(a) >> 22) % 2));
    assertThat(Long.parseUnsignedLong(c)).isGreaterThan(Long.parseUnsignedLong(b));
  }

  @Test
  @DisplayName("snowflakes carry the clock's time on the Discord epoch and strictly increase")
  void snowflakes() {
    String a = ids.next();
    String b = ids.next();
    assertThat(Snowflakes.timeOf(a)).isEqualTo(NOW);
    assertThat(Long.parseUnsignedLong(b)).isGreaterThan(Long.parseUnsignedLong(a));
  }

  @Test
  @DisplayName(
      "@everyone's overwrite on #read-only denies sending; the Moderator allow wins over it")
  void overwrites() {
    Member plain = guild.putMember(new Member(ids.next(), "plain", List.of(), false, NOW));
    Member mod =
        guild.putMember(new Member(ids.next(), "mod", List.of(guild.moderator.id()), false, NOW));
    String ro = guild.readOnly.id();

    assertThat(Permissions.has(guild.permissions(plain, ro), Permissions.SEND_MESSAGES)).isFalse();
    assertThat(Permissions.has(guild.permissions(plain, ro), Permissions.VIEW_CHANNEL)).isTrue();
    assertThat(Permissions.has(guild.permissions(mod, ro), Permissions.SEND_MESSAGES)).isTrue();
    assertThat(Permissions.has(guild.permissions(guild.bot, ro), Permissions.SEND_MESSAGES))
        .isFalse();
    assertThat(
            Permissions.has(guild.permissions(guild.bot, guild.news.id()), Permissions.BOT_DEFAULT))
        .isTrue();
  }

  @Test
  @DisplayName(
      "a member overwrite beats role overwrites; administrators and the owner get everything")
  void memberOverwriteAndAdministrator() {
    Member plain = guild.putMember(new Member(ids.next(), "plain", List.of(), false, NOW));
    guild
        .channels
        .get(guild.general.id())
        .overwrites
        .add(new GuildModel.Overwrite(plain.id(), 1, 0, Permissions.VIEW_CHANNEL));
    assertThat(guild.permissions(plain, guild.general.id())).isZero();

    Role admin =
        guild.putRole(new Role(ids.next(), "Admin", 5, Permissions.ADMINISTRATOR, 0, false));
    Member boss = guild.putMember(new Member(ids.next(), "boss", List.of(admin.id()), false, NOW));
    assertThat(guild.permissions(boss, guild.readOnly.id())).isEqualTo(Permissions.ALL);
    assertThat(guild.permissions(guild.owner, guild.readOnly.id())).isEqualTo(Permissions.ALL);
  }

  @Test
  @DisplayName("threads inherit their parent's permissions and need Send Messages in Threads")
  void threads() {
    Channel thread =
        guild.putChannel(
            new Channel(
                ids.next(), "t", Channel.PUBLIC_THREAD, guild.readOnly.id(), guild.owner.id()),
            0,
            null,
            NOW);
    Member plain = guild.putMember(new Member(ids.next(), "plain", List.of(), false, NOW));
    assertThat(guild.sendPermission(thread.id())).isEqualTo(Permissions.SEND_MESSAGES_IN_THREADS);
    assertThat(
            Permissions.has(
                guild.permissions(plain, thread.id()), Permissions.SEND_MESSAGES_IN_THREADS))
        .isFalse();
  }

  @Test
  @DisplayName(
      "validation builds Discord's nested error tree; slash names must be lower case, menu names may not")
  void validation() {
    assertThatThrownBy(
            () ->
                Validation.message(
                    json, json.readTree("{\"content\":\"" + "x".repeat(2001) + "\"}"), 0, 0, true))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code).isEqualTo(50035);
              assertThat(e.errors.at("/content/_errors/0/code").asText())
                  .isEqualTo("BASE_TYPE_MAX_LENGTH");
            });
    assertThatThrownBy(
            () ->
                Validation.message(
                    json, json.readTree("{\"content\":\"\",\"poll\":null}"), 0, 0, true))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code).isEqualTo(50006));
    assertThatThrownBy(
            () ->
                Validation.command(
                    json, json.readTree("{\"name\":\"Ping\",\"description\":\"d\"}"), ""))
        .isInstanceOf(ApiException.class);
    Validation.command(json, json.createObjectNode().put("name", "Quote take").put("type", 3), "");
  }

  @Test
  @DisplayName("rate-limit buckets keep the major parameter and fold the others")
  void buckets() {
    assertThat(RestApi.bucketKey("POST", "channels/123456789012345678/messages"))
        .isEqualTo("POST channels/123456789012345678/messages/");
    assertThat(
            RestApi.bucketKey("PATCH", "channels/123456789012345678/messages/223456789012345678"))
        .isEqualTo("PATCH channels/123456789012345678/messages/{id}/");
    assertThat(RestApi.bucketKey("POST", "interactions/123456789012345678/tok/callback"))
        .isEqualTo("POST interactions/{id}/{id}/callback/");
  }
}
