package dev.takebot.discord;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Routes interactions to their feature on a worker pool (features may block on REST calls; the
 * gateway thread must not) and sends every failure through {@link InteractionErrors}: whatever a
 * handler throws, an {@link Error} such as a stack overflow included, the member gets an answer and
 * the worker lives on.
 *
 * <p>Handlers are not deferred here: each decides how to acknowledge (ephemeral or public defer, a
 * modal, autocomplete choices), and a modal cannot follow a defer. Instead the pool is large enough
 * that slow handlers do not starve quick ones past Discord's 3 s window.
 */
final class InteractionRouter extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);

  private final Map<String, SlashFeature> commands;
  private final Map<String, ComponentFeature> components;
  private final Map<String, MessageMenuFeature> menus;
  static final String BUSY = "TakeBot is very busy right now: please try again in a moment.";

  /** The answer to a button, form or command id that none of TakeBot's features made. */
  static final String NOT_OURS = "That doesn't lead anywhere any more: run the command again.";

  /**
   * Who counts as a moderator in a server (its own roles from its settings, else the configured);
   * {@code null} for outside a server.
   */
  private final Function<Guild, Moderators> moderators;

  private final ExecutorService pool;

  InteractionRouter(
      List<SlashFeature> commands,
      List<ComponentFeature> components,
      List<MessageMenuFeature> menus,
      Function<Guild, Moderators> moderators,
      ExecutorService pool) {
    this.menus =
        menus.stream()
            .collect(Collectors.toUnmodifiableMap(MessageMenuFeature::name, Function.identity()));
    this.commands =
        commands.stream()
            .collect(Collectors.toUnmodifiableMap(SlashFeature::fullName, Function.identity()));
    this.components =
        components.stream()
            .collect(Collectors.toUnmodifiableMap(ComponentFeature::idPrefix, Function.identity()));
    this.moderators = moderators;
    this.pool = pool;
  }

  @Override
  public void onSlashCommandInteraction(@NotNull SlashCommandInteractionEvent event) {
    // An unknown name is e.g. a command a newer version registered.
    dispatch(
        event,
        commands.get(event.getFullCommandName()),
        "/" + event.getFullCommandName(),
        f -> f.execute(event));
  }

  @Override
  public void onMessageContextInteraction(@NotNull MessageContextInteractionEvent event) {
    dispatch(event, menus.get(event.getName()), event.getName(), f -> f.execute(event));
  }

  @Override
  public void onCommandAutoCompleteInteraction(@NotNull CommandAutoCompleteInteractionEvent event) {
    SlashFeature f = commands.get(event.getFullCommandName());
    if (f != null) {
      run(
          event,
          () -> {
            if (allowed(f, event)) {
              f.autoComplete(event);
            }
          });
    }
  }

  @Override
  public void onButtonInteraction(@NotNull ButtonInteractionEvent event) {
    dispatch(
        event,
        components.get(prefix(event.getComponentId())),
        event.getComponentId(),
        f -> f.onButton(event));
  }

  @Override
  public void onEntitySelectInteraction(@NotNull EntitySelectInteractionEvent event) {
    ComponentFeature f = components.get(prefix(event.getComponentId()));
    run(
        event,
        () -> {
          if (f == null) {
            notOurs(event, event.getComponentId());
            return;
          }
          if (allowed(f, event)) {
            f.onEntitySelect(event);
          }
        });
  }

  @Override
  public void onModalInteraction(@NotNull ModalInteractionEvent event) {
    dispatch(
        event,
        components.get(prefix(event.getModalId())),
        event.getModalId(),
        f -> f.onModal(event));
  }

  /**
   * Runs {@code action} on a worker once the member may use {@code feature}; {@code null} (no
   * feature made {@code id}) is answered with {@link #NOT_OURS}.
   */
  private <F extends Feature> void dispatch(
      IReplyCallback event, F feature, String id, Consumer<F> action) {
    run(
        event,
        () -> {
          if (feature == null) {
            notOurs(event, id);
            return;
          }
          if (allowed(feature, event)) {
            action.accept(feature);
          }
        });
  }

  private void run(Interaction interaction, Runnable action) {
    // The gateway thread's logging context (shard, guild, interaction ids) goes along to the
    // worker.
    Map<String, String> context = MDC.getCopyOfContextMap();
    try {
      pool.execute(
          () -> {
            if (context != null) {
              MDC.setContextMap(context);
            }
            try {
              action.run();
            } catch (Throwable e) {
              // Not only RuntimeException: a StackOverflowError used to end the worker here and
              // leave the member's
              // reply "thinking…" forever. Nothing is rethrown; the pool has nothing better to do
              // with it.
              InteractionErrors.handle(interaction, e);
            } finally {
              MDC.clear();
            }
          });
    } catch (RejectedExecutionException e) {
      if (pool.isShutdown()) {
        log.debug("Bot shutting down; dropped interaction {}", interaction.getId());
        return;
      }
      log.warn(
          "Every interaction worker is busy and the queue is full; turned away interaction {}",
          interaction.getId());
      if (interaction instanceof IReplyCallback callback) {
        callback
            .reply(MessageSpecs.text(Readers.privately(interaction).get("error.busy")))
            .setEphemeral(true)
            .queue(
                null,
                f -> log.debug("Could not answer busy interaction {}", interaction.getId(), f));
      }
    }
  }

  /**
   * Whether the member may use {@code feature}; if not, answers with the refusal (autocomplete: no
   * choices). Discord's default command permissions only hide commands and server admins can
   * override them, and a button or form id is input anyone can send, so every interaction is
   * checked here.
   */
  private boolean allowed(Feature feature, Interaction interaction) {
    Access access = feature.access();
    Member member = interaction.getMember();
    String refusal;
    switch (access.kind()) {
      case EVERYONE -> {
        return true;
      }
      case MANAGERS -> {
        if (member != null && member.hasPermission(Permission.MANAGE_SERVER)) {
          return true;
        }
        refusal =
            Readers.privately(interaction)
                .get("access.managers", "action", Access.action(access.action(), interaction));
      }
      default -> {
        Moderators m = moderators.apply(interaction.getGuild());
        if (m.isModerator(member)) {
          return true;
        }
        refusal =
            m.refusal(
                Access.action(access.moderatorAction(), interaction),
                Readers.privately(interaction));
      }
    }
    if (interaction instanceof CommandAutoCompleteInteractionEvent autoComplete) {
      autoComplete.replyChoices().queue();
    } else if (interaction instanceof IReplyCallback callback) {
      callback.reply(MessageSpecs.text(refusal)).setEphemeral(true).queue();
    }
    return false;
  }

  /**
   * Answers an id no feature made with {@link #NOT_OURS}, privately. Not an error: ids are input,
   * and a modified client (or a message from an older version) sends them at will, so it is logged
   * at debug only, not as a failure with a stack trace.
   */
  static void notOurs(IReplyCallback event, String id) {
    log.debug("Interaction {} names {}, which no feature made", event.getId(), id);
    event
        .reply(MessageSpecs.text(Readers.privately(event).get("error.notOurs")))
        .setEphemeral(true)
        .queue();
  }

  static String prefix(String customId) {
    int colon = customId.indexOf(':');
    return colon < 0 ? customId : customId.substring(0, colon);
  }
}
