package dev.takebot.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A guild member (user plus guild-specific data).
 *
 * @param id user snowflake
 * @param name username (also used as global name)
 * @param roleIds ids of the roles held, excluding {@code @everyone} (as Discord sends them)
 * @param bot true for bot accounts
 * @param joinedAt when the member joined the guild
 */
public record Member(String id, String name, List<String> roleIds, boolean bot, Instant joinedAt) {

  public Member {
    roleIds = List.copyOf(roleIds);
  }

  /** The mention markup, {@code <@id>}. */
  public String mention() {
    return "<@" + id + ">";
  }
}
