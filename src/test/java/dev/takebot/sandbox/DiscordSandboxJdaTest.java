package dev.takebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateArchivedEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.role.RoleCreateEvent;
import net.dv8tion.jda.api.events.role.RoleDeleteEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sandbox speaks Discord well enough for a real, unmodified JDA 6.5 client: one sandbox and one
 * client are shared by these specifications; each scripts the client's behaviour through {@link
 * JdaClient#handlers}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A real JDA client against the Discord sandbox")
class DiscordSandboxJdaTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private DiscordSandbox sandbox;
  private JdaClient client;
  private Guild guild;

  @BeforeAll
  void connect() throws Exception {
    sandbox = DiscordSandbox.start();
    client = JdaClient.connect(sandbox, true);
    guild = client.jda.getGuildById(sandbox.guildId());
    guild
        .updateCommands()
        .addCommands(
            Commands.slash("ping", "Answers pong"),
            Commands.slash("late", "Answers after the 3 second window"),
            Commands.slash("slow", "Defers ephemerally, then edits the original"),
            Commands.slash("chart", "Answers with files"),
            Commands.slash("takes", "Takes on articles")
                .addSubcommands(
                    new SubcommandData("summary", "Summarise the takes")
                        .addOption(OptionType.STRING, "article", "Which article", false)),
            Commands.slash("article", "Articles")
                .setDefaultPermissions(
                    DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE))
                .addSubcommands(
                    new SubcommandData("post", "Post an article")
                        .addOption(OptionType.ATTACHMENT, "file", "The article file", false)
                        .addOption(OptionType.STRING, "text", "Pasted text", false)
                        .addOption(OptionType.CHANNEL, "channel", "Where to post", false)),
            Commands.message("Quote take"))
        .complete();
  }

  @AfterAll
  void disconnect() throws Exception {
    client.close();
    sandbox.close();
  }

  @BeforeEach
  void connected() {
    sandbox.awaitBotConnected(WAIT);
  }

  @AfterEach
  void resetHandlers() {
    client.handlers.clear();
  }

  private TextChannel text(Channel channel) {
    return guild.getTextChannelById(channel.id());
  }

  @Test
  @DisplayName(
      "login: READY and GUILD_CREATE give JDA the guild, channels, roles, its member and permissions")
  void login() throws Exception {
    client.await(ReadyEvent.class, e -> true, WAIT);
    assertThat(guild.getTextChannels())
        .extracting(c -> c.getName())
        .containsExactly("news", "general", "read-only");
    assertThat(guild.getPublicRole().getId()).isEqualTo(sandbox.guildId());
    assertThat(
            guild
                .getRoleById(sandbox.moderatorRole().id())
                .hasPermission(Permission.MESSAGE_MANAGE))
        .isTrue();
    assertThat(guild.getSelfMember().getId()).isEqualTo(sandbox.bot().id());
    assertThat(
            guild
                .getSelfMember()
                .hasPermission(
                    text(sandbox.news()),
                    Permission.MESSAGE_SEND,
                    Permission.MESSAGE_EMBED_LINKS,
                    Permission.CREATE_PUBLIC_THREADS))
        .isTrue();
    assertThat(
            guild.getSelfMember().hasPermission(text(sandbox.readOnly()), Permission.MESSAGE_SEND))
        .isFalse();
    assertThat(client.jda.getSelfUser().getApplicationId()).isEqualTo(sandbox.applicationId());
    assertThat(sandbox.guildCommands())
        .extracting(c -> c.path("name").asText())
        .contains("ping", "takes", "article", "Quote take");
    assertThat(sandbox.gatewayEvents()).extracting(GatewayEvent::kind).contains("IDENTIFY");
  }

  @Test
  @DisplayName(
      "the bot's message with an embed is stored like Discord stores it and comes back as MESSAGE_CREATE")
  void botMessageWithEmbed() throws Exception {
    Message sent =
        text(sandbox.news())
            .sendMessage("Read this: https://youtu.be/abc")
            .setEmbeds(
                new EmbedBuilder()
                    .setTitle("Headline")
                    .setDescription("Summary")
                    .addField("Tags", "#a #b", false)
                    .build())
            .complete();

    MessageReceivedEvent echo =
        client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(sent.getId()), WAIT);
    assertThat(echo.getMessage().getEmbeds())
        .singleElement()
        .satisfies(e -> assertThat(e.getTitle()).isEqualTo("Headline"));
    SandboxMessage stored = sandbox.message(sent.getId()).orElseThrow();
    assertThat(stored.content()).isEqualTo("Read this: https://youtu.be/abc");
    assertThat(stored.embeds())
        .singleElement()
        .satisfies(e -> assertThat(e.path("type").asText()).isEqualTo("rich"));
    assertThat(stored.authorId()).isEqualTo(sandbox.bot().id());
  }

  @Test
  @DisplayName("a member's message, reply, edit and deletes arrive as JDA events")
  void memberMessages() throws Exception {
    SandboxMessage first = sandbox.post(sandbox.member(), sandbox.general(), "first take");
    MessageReceivedEvent got =
        client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(first.id()), WAIT);
    assertThat(got.getMessage().getContentRaw()).isEqualTo("first take");
    assertThat(got.getAuthor().isBot()).isFalse();

    SandboxMessage reply = sandbox.reply(sandbox.moderator(), first, "a reply");
    MessageReceivedEvent replied =
        client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(reply.id()), WAIT);
    assertThat(replied.getMessage().getReferencedMessage()).isNotNull();
    assertThat(replied.getMessage().getReferencedMessage().getId()).isEqualTo(first.id());

    sandbox.edit(first, "first take, edited");
    MessageUpdateEvent updated =
        client.await(MessageUpdateEvent.class, e -> e.getMessageId().equals(first.id()), WAIT);
    assertThat(updated.getMessage().getContentRaw()).isEqualTo("first take, edited");
    assertThat(updated.getMessage().isEdited()).isTrue();

    sandbox.delete(reply);
    client.await(MessageDeleteEvent.class, e -> e.getMessageId().equals(reply.id()), WAIT);

    SandboxMessage a = sandbox.post(sandbox.member(), sandbox.general(), "bulk a");
    SandboxMessage b = sandbox.post(sandbox.member(), sandbox.general(), "bulk b");
    sandbox.bulkDelete(sandbox.general(), List.of(a, b));
    // JDA splits MESSAGE_DELETE_BULK into one MessageDeleteEvent per id by default
    client.await(MessageDeleteEvent.class, e -> e.getMessageId().equals(a.id()), WAIT);
    client.await(MessageDeleteEvent.class, e -> e.getMessageId().equals(b.id()), WAIT);
    assertThat(client.count(MessageBulkDeleteEvent.class)).isZero();
    assertThat(sandbox.isDeleted(b.id())).isTrue();
    assertThat(sandbox.messageEvents())
        .filteredOn(e -> e.message().id().equals(first.id()))
        .extracting(MessageEvent::kind)
        .containsExactly(MessageEvent.Kind.CREATED, MessageEvent.Kind.UPDATED);
    assertThat(sandbox.messageEvents())
        .filteredOn(e -> e.message().id().equals(reply.id()))
        .extracting(MessageEvent::kind)
        .containsExactly(MessageEvent.Kind.CREATED, MessageEvent.Kind.DELETED);
  }

  @Test
  @DisplayName(
      "members posting from many threads at once: every message reaches JDA, in order per author")
  void concurrentMembers() throws Exception {
    int authors = 6;
    int each = 20;
    List<Member> members = new java.util.ArrayList<>();
    for (int i = 0; i < authors; i++) {
      members.add(sandbox.addMember("concurrent-" + i));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(authors);
    try {
      List<java.util.concurrent.Future<List<String>>> sent = new java.util.ArrayList<>();
      for (Member m : members) {
        sent.add(
            pool.submit(
                () -> {
                  List<String> ids = new java.util.ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    ids.add(sandbox.post(m, sandbox.general(), m.name() + " #" + i).id());
                  }
                  return ids;
                }));
      }
      for (java.util.concurrent.Future<List<String>> f : sent) {
        List<String> ids = f.get(30, TimeUnit.SECONDS);
        client.await(
            MessageReceivedEvent.class,
            e -> e.getMessageId().equals(ids.get(ids.size() - 1)),
            WAIT);
        List<String> received =
            client.events.stream()
                .filter(e -> e instanceof MessageReceivedEvent r && ids.contains(r.getMessageId()))
                .map(e -> ((MessageReceivedEvent) e).getMessageId())
                .toList();
        assertThat(received).containsExactlyElementsOf(ids);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "a thread from the bot's message has the message's id, fires ChannelCreateEvent and carries member posts")
  void threadFromMessage() throws Exception {
    Message post = text(sandbox.news()).sendMessage("Article post").complete();
    ThreadChannel thread = post.createThreadChannel("Takes: article").complete();

    assertThat(thread.getId()).isEqualTo(post.getId());
    // JDA caches the thread from the REST answer and drops a THREAD_CREATE for a thread it already
    // knows, so whether the bot's own thread fires ChannelCreateEvent depends on which arrives
    // first
    // (as on Discord). The event is asserted below for a member's thread, where there is no race.
    assertThat(client.jda.getThreadChannelById(post.getId())).isNotNull();
    Channel created = sandbox.awaitThread(t -> t.id().equals(post.getId()), WAIT);
    assertThat(created.parentId()).isEqualTo(sandbox.news().id());
    assertThat(created.name()).isEqualTo("Takes: article");
    assertThat(
            sandbox.message(post.getId()).orElseThrow().json().path("thread").path("id").asText())
        .isEqualTo(post.getId());

    SandboxMessage take = sandbox.post(sandbox.member(), created, "my take in the thread");
    MessageReceivedEvent got =
        client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(take.id()), WAIT);
    assertThat(got.getChannel().getId()).isEqualTo(thread.getId());
    assertThat(got.getMessage().getContentRaw()).isEqualTo("my take in the thread");

    thread.join().complete();
    Message inThread = thread.sendMessage("bot in thread").complete();
    assertThat(sandbox.messages(created))
        .extracting(SandboxMessage::id)
        .contains(take.id(), inThread.getId());

    sandbox.archiveThread(created, false);
    client.await(
        ChannelUpdateArchivedEvent.class,
        e -> e.getChannel().getId().equals(thread.getId()) && Boolean.TRUE.equals(e.getNewValue()),
        WAIT);
    sandbox.post(sandbox.member(), created, "a late take reopens it");
    client.await(
        ChannelUpdateArchivedEvent.class,
        e -> e.getChannel().getId().equals(thread.getId()) && Boolean.FALSE.equals(e.getNewValue()),
        WAIT);

    SandboxMessage starter =
        sandbox.post(sandbox.member(), sandbox.news(), "a member starts a thread");
    Channel memberThread = sandbox.createThread(sandbox.member(), starter, "Member thread");
    client.await(
        ChannelCreateEvent.class, e -> e.getChannel().getId().equals(memberThread.id()), WAIT);
  }

  @Test
  @DisplayName(
      "a thread without a starter message leaves a THREAD_CREATED message; the bot can archive its thread")
  void threadWithoutMessage() throws Exception {
    ThreadChannel pub =
        text(sandbox.general()).createThreadChannel("Public discussion", false).complete();

    Channel created = sandbox.awaitThread(t -> t.id().equals(pub.getId()), WAIT);
    assertThat(created.type()).isEqualTo(Channel.PUBLIC_THREAD);
    assertThat(created.ownerId()).isEqualTo(sandbox.bot().id());
    SandboxMessage system =
        sandbox.awaitMessage(m -> m.type() == 18 && m.content().equals("Public discussion"), WAIT);
    assertThat(system.channelId()).isEqualTo(sandbox.general().id());
    client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(system.id()), WAIT);

    pub.getManager().setArchived(true).complete();
    client.await(
        ChannelUpdateArchivedEvent.class,
        e -> e.getChannel().getId().equals(pub.getId()) && Boolean.TRUE.equals(e.getNewValue()),
        WAIT);
  }

  @Test
  @DisplayName(
      "files go up as multipart, get a content type from their name and can be downloaded again")
  void multipartFiles() throws Exception {
    byte[] body = "Title\n\nBody of the article".getBytes(StandardCharsets.UTF_8);
    Message sent =
        text(sandbox.general())
            .sendMessage("with a file")
            .addFiles(FileUpload.fromData(body, "article.txt"))
            .complete();

    assertThat(sent.getAttachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getFileName()).isEqualTo("article.txt");
              assertThat(a.getContentType()).startsWith("text/plain");
              assertThat(a.getSize()).isEqualTo(body.length);
            });
    try (InputStream in =
        sent.getAttachments().get(0).getProxy().download().get(10, TimeUnit.SECONDS)) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
    assertThat(sandbox.requests())
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("channels/" + sandbox.general().id() + "/messages");
              assertThat(r.fileNames()).containsExactly("article.txt");
            });
  }

  @Test
  @DisplayName(
      "a deleted role reaches JDA as GUILD_ROLE_DELETE: gone from the guild and from its members,"
          + " and later interactions carry the member without it")
  void roleDeletion() throws Exception {
    Role stewards = sandbox.addRole("Stewards", Permissions.EVERYONE_DEFAULT);
    client.await(RoleCreateEvent.class, e -> e.getRole().getId().equals(stewards.id()), WAIT);
    Member steward = sandbox.addMember("steward", stewards);

    sandbox.deleteRole(stewards);

    client.await(RoleDeleteEvent.class, e -> e.getRole().getId().equals(stewards.id()), WAIT);
    assertThat(guild.getRoleById(stewards.id())).isNull();
    assertThat(sandbox.roles()).extracting(Role::id).doesNotContain(stewards.id());
    assertThat(sandbox.members())
        .filteredOn(m -> m.id().equals(steward.id()))
        .singleElement()
        .satisfies(m -> assertThat(m.roleIds()).doesNotContain(stewards.id()));
    assertThatThrownBy(() -> sandbox.deleteRole(sandbox.everyoneRole()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("history pages newest first with before/after/around and reactions are recorded")
  void historyAndReactions() throws Exception {
    Channel news = sandbox.news();
    Channel fresh = sandbox.general();
    SandboxMessage m1 = sandbox.post(sandbox.member(), fresh, "h1");
    SandboxMessage m2 = sandbox.post(sandbox.member(), fresh, "h2");
    SandboxMessage m3 = sandbox.post(sandbox.member(), fresh, "h3");

    List<Message> latest = text(fresh).getHistory().retrievePast(2).complete();
    assertThat(latest).extracting(Message::getId).containsExactly(m3.id(), m2.id());
    List<Message> after = text(fresh).getHistoryAfter(m1.id(), 10).complete().getRetrievedHistory();
    assertThat(after).extracting(Message::getId).containsExactly(m3.id(), m2.id());
    List<Message> before =
        text(fresh).getHistoryBefore(m2.id(), 1).complete().getRetrievedHistory();
    assertThat(before).extracting(Message::getId).containsExactly(m1.id());

    Message target = text(fresh).retrieveMessageById(m2.id()).complete();
    target.addReaction(Emoji.fromUnicode("👍")).complete();
    JsonNode reactions = sandbox.message(m2.id()).orElseThrow().json().path("reactions");
    assertThat(reactions.get(0).path("emoji").path("name").asText()).isEqualTo("👍");
    assertThat(reactions.get(0).path("me").asBoolean()).isTrue();
    assertThat(news).isNotNull();
  }

  @Test
  @DisplayName("Discord's errors surface in JDA as ErrorResponseException with the right code")
  void errorsAsErrorResponseException() {
    assertThatThrownBy(
            () -> text(sandbox.general()).retrieveMessageById("1234567890123456789").complete())
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.getErrorCode()).isEqualTo(10008));
    SandboxMessage others = sandbox.post(sandbox.member(), sandbox.general(), "not the bot's");
    assertThatThrownBy(
            () -> text(sandbox.general()).editMessageById(others.id(), "hijack").complete())
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.getErrorCode()).isEqualTo(50005));
  }

  @Test
  @DisplayName("a 429 is waited out: JDA retries after retry_after and the request succeeds")
  void rateLimitIsWaitedOut() {
    sandbox.rateLimitNext(
        "POST", "channels/" + sandbox.general().id() + "/messages", 1, Duration.ofMillis(1500));
    Message sent = text(sandbox.general()).sendMessage("after a 429").complete();

    assertThat(sent.getContentRaw()).isEqualTo("after a 429");
    List<RecordedRequest> posts =
        sandbox.requests().stream()
            .filter(r -> r.is("POST", "channels/" + sandbox.general().id() + "/messages"))
            .filter(r -> r.body().contains("after a 429"))
            .toList();
    assertThat(posts).extracting(RecordedRequest::status).containsExactly(429, 200);
    assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
  }

  @Test
  @DisplayName(
      "a dropped connection resumes on the resume URL and replays what was sent while it was down")
  void droppedConnectionResumesWithReplay() throws Exception {
    int before = sandbox.gatewayEvents().size();
    SandboxMessage[] whileDown = new SandboxMessage[1];
    sandbox.dropConnection(
        () -> whileDown[0] = sandbox.post(sandbox.member(), sandbox.general(), "sent while down"));

    client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(whileDown[0].id()), WAIT);
    GatewayEvent resume = sandbox.awaitGatewayEvent("RESUME", before, WAIT);
    assertThat(resume.detail()).contains("via gateway-resume").doesNotContain("replayed 0");
    client.await(SessionResumeEvent.class, e -> true, WAIT);
  }

  @Test
  @DisplayName("close code 4000 and op 7 RECONNECT both end in a RESUME")
  void closeAndReconnectResume() throws Exception {
    int before = sandbox.gatewayEvents().size();
    sandbox.closeConnection(4000, "Unknown error");
    sandbox.awaitGatewayEvent("RESUME", before, WAIT);
    sandbox.awaitBotConnected(WAIT);

    int beforeReconnect = sandbox.gatewayEvents().size();
    sandbox.requestReconnect();
    sandbox.awaitGatewayEvent("RESUME", beforeReconnect, WAIT);
    sandbox.awaitBotConnected(WAIT);
    SandboxMessage after = sandbox.post(sandbox.member(), sandbox.general(), "after reconnect");
    client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(after.id()), WAIT);
  }

  @Test
  @DisplayName(
      "an invalidated session makes JDA identify again (SessionRecreateEvent) and keep working")
  void invalidSessionReidentifies() throws Exception {
    int before = sandbox.gatewayEvents().size();
    sandbox.invalidateSession(false);
    sandbox.awaitGatewayEvent("IDENTIFY", before, Duration.ofSeconds(15));
    client.await(SessionRecreateEvent.class, e -> true, Duration.ofSeconds(15));
    sandbox.awaitBotConnected(WAIT);
    SandboxMessage after = sandbox.post(sandbox.member(), sandbox.general(), "after re-identify");
    client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(after.id()), WAIT);
  }

  @Test
  @DisplayName("slash command: an immediate reply carries the member and lands in the channel")
  void slashReply() throws Exception {
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s && s.getName().equals("ping")) {
            s.reply("pong " + s.getMember().getEffectiveName()).queue();
          }
        });
    InteractionHandle ping = sandbox.slash(sandbox.member(), sandbox.general(), "ping");

    SandboxMessage response = ping.awaitResponse(WAIT);
    assertThat(ping.awaitAck(WAIT)).isEqualTo(4);
    assertThat(response.content()).isEqualTo("pong member");
    assertThat(response.type()).isEqualTo(20);
    assertThat(response.isEphemeral()).isFalse();
    client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(response.id()), WAIT);
  }

  @Test
  @DisplayName(
      "slash command: defer, follow-ups and editOriginal; options and permissions reach the bot")
  void slashDeferredFollowUpAndEdit() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s
              && s.getFullCommandName().equals("takes summary")) {
            seen.complete(
                s.getOption("article").getAsString()
                    + "|"
                    + s.getMember().hasPermission(Permission.MESSAGE_MANAGE));
            s.deferReply().complete();
            s.getHook()
                .sendMessage("summary of " + s.getOption("article").getAsString())
                .complete();
            s.getHook().sendMessage("a second message").complete();
            s.getHook().editOriginal("summary (edited)").complete();
          }
        });
    InteractionHandle summary =
        sandbox.slash(
            sandbox.moderator(), sandbox.news(), "takes summary", Map.of("article", "budget"));

    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("budget|true");
    assertThat(summary.awaitAck(WAIT)).isEqualTo(5);
    SandboxMessage second = summary.awaitFollowUp(0, WAIT);
    assertThat(second.content()).isEqualTo("a second message");
    sandbox.awaitMessage(
        m -> m.id().equals(summary.original().orElseThrow().id()) && m.isEdited(), WAIT);
    SandboxMessage original = summary.awaitResponse(WAIT);
    assertThat(original.content()).isEqualTo("summary (edited)");
    assertThat(original.isLoading()).isFalse();
  }

  @Test
  @DisplayName(
      "slash command: an attachment option is resolved and downloadable; ephemeral answers are not dispatched")
  void slashAttachmentAndEphemeral() throws Exception {
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s
              && s.getFullCommandName().equals("article post")) {
            try (InputStream in =
                s.getOption("file")
                    .getAsAttachment()
                    .getProxy()
                    .download()
                    .get(5, TimeUnit.SECONDS)) {
              String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
              s.reply(
                      "got "
                          + text.lines().findFirst().orElse("")
                          + " for #"
                          + s.getOption("channel").getAsChannel().getName())
                  .setEphemeral(true)
                  .queue();
            } catch (Exception ex) {
              s.reply("failed: " + ex).setEphemeral(true).queue();
            }
          }
        });
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("file", dev.takebot.sandbox.FileUpload.text("article.txt", "Big news\nbody"));
    options.put("channel", sandbox.news());
    InteractionHandle post =
        sandbox.slash(sandbox.moderator(), sandbox.general(), "article post", options);

    SandboxMessage response = post.awaitResponse(WAIT);
    assertThat(response.content()).isEqualTo("got Big news for #news");
    assertThat(post.isEphemeral()).isTrue();
    assertThat(sandbox.messages(sandbox.general()))
        .extracting(SandboxMessage::id)
        .contains(response.id());
    // the gateway delivers in order: once a later message has arrived, a dispatch of the answer
    // would have too
    SandboxMessage marker = sandbox.post(sandbox.member(), sandbox.general(), "marker");
    client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(marker.id()), WAIT);
    assertThat(client.events)
        .noneMatch(
            e -> e instanceof MessageReceivedEvent m && m.getMessageId().equals(response.id()));
  }

  @Test
  @DisplayName(
      "slash command: an ephemeral defer filled by editOriginal stays ephemeral and never reaches the gateway")
  void slashDeferEphemeralThenEdit() throws Exception {
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s && s.getName().equals("slow")) {
            s.deferReply(true).queue();
            s.getHook().editOriginal("done slowly").queue();
          }
        });
    InteractionHandle slow = sandbox.slash(sandbox.member(), sandbox.general(), "slow");

    SandboxMessage response = slow.awaitResponse(WAIT);
    assertThat(slow.awaitAck(WAIT)).isEqualTo(5);
    assertThat(response.content()).isEqualTo("done slowly");
    assertThat(response.isEphemeral()).isTrue();
    assertThat(response.isLoading()).isFalse();
    assertThat(slow.followUps()).isEmpty();
    assertThat(client.events)
        .noneMatch(
            e -> e instanceof MessageReceivedEvent m && m.getMessageId().equals(response.id()));
  }

  @Test
  @DisplayName(
      "slash command: a public defer deleted while loading is gone from the channel, and the next"
          + " follow-up is a new message that may be ephemeral (Discord's rule since the defer is"
          + " over)")
  void deletedDeferMakesFollowUpsNewMessages() throws Exception {
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s && s.getName().equals("slow")) {
            s.deferReply().complete();
            s.getHook().deleteOriginal().complete();
            s.getHook().setEphemeral(true).sendMessage("only you").complete();
          }
        });
    InteractionHandle slow = sandbox.slash(sandbox.member(), sandbox.general(), "slow");

    SandboxMessage followUp = slow.awaitFollowUp(0, WAIT);
    String loading = slow.originalId().orElseThrow();
    assertThat(sandbox.isDeleted(loading)).as("the public loading message").isTrue();
    assertThat(followUp.id()).isNotEqualTo(loading);
    assertThat(followUp.content()).isEqualTo("only you");
    assertThat(followUp.isEphemeral()).isTrue();
    client.await(MessageDeleteEvent.class, d -> d.getMessageId().equals(loading), WAIT);
  }

  @Test
  @DisplayName(
      "slash command: a public defer a member deleted while loading leaves the interaction's"
          + " follow-ups working: the next one is a new message that may be ephemeral, and"
          + " @original is Unknown Message")
  void deferDeletedByAMemberMakesFollowUpsNewMessages() throws Exception {
    java.util.concurrent.CountDownLatch deleted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<Throwable> readOriginal =
        new java.util.concurrent.atomic.AtomicReference<>();
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s && s.getName().equals("slow")) {
            s.deferReply().complete();
            try {
              if (!deleted.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
              }
            } catch (InterruptedException ex) {
              Thread.currentThread().interrupt();
              return;
            }
            s.getHook().retrieveOriginal().queue(null, readOriginal::set);
            s.getHook().setEphemeral(true).sendMessage("only you").complete();
          }
        });
    InteractionHandle slow = sandbox.slash(sandbox.member(), sandbox.general(), "slow");
    assertThat(slow.awaitAck(WAIT)).isEqualTo(5);
    String loading = slow.originalId().orElseThrow();

    sandbox.delete(sandbox.message(loading).orElseThrow());
    deleted.countDown();
    SandboxMessage followUp = slow.awaitFollowUp(0, WAIT);

    assertThat(followUp.id()).isNotEqualTo(loading);
    assertThat(followUp.content()).isEqualTo("only you");
    assertThat(followUp.isEphemeral()).isTrue();
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> readOriginal.get() != null);
    assertThat(readOriginal.get())
        .isInstanceOfSatisfying(
            net.dv8tion.jda.api.exceptions.ErrorResponseException.class,
            r ->
                assertThat(r.getErrorResponse())
                    .isEqualTo(net.dv8tion.jda.api.requests.ErrorResponse.UNKNOWN_MESSAGE));
  }

  @Test
  @DisplayName("slash command: files in a multipart callback and in a follow-up that fills a defer")
  void slashFiles() throws Exception {
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      13,
      10,
      26,
      10,
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      64,
      0,
      0,
      0,
      32
    };
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s && s.getName().equals("chart")) {
            if (s.getUser().getId().equals(sandbox.member().id())) {
              s.replyFiles(FileUpload.fromData("note".getBytes(StandardCharsets.UTF_8), "note.txt"))
                  .setContent("a note")
                  .queue();
            } else {
              s.deferReply().queue();
              s.getHook().sendFiles(FileUpload.fromData(png, "chart.png")).queue();
            }
          }
        });
    SandboxMessage note =
        sandbox.slash(sandbox.member(), sandbox.general(), "chart").awaitResponse(WAIT);
    assertThat(note.content()).isEqualTo("a note");
    assertThat(note.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.path("content_type").asText()).startsWith("text/plain"));

    InteractionHandle chart = sandbox.slash(sandbox.moderator(), sandbox.general(), "chart");
    SandboxMessage filled = chart.awaitResponse(WAIT);
    assertThat(filled.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.path("filename").asText()).isEqualTo("chart.png");
              assertThat(a.path("content_type").asText()).isEqualTo("image/png");
              assertThat(a.path("width").asInt()).isEqualTo(64);
            });
    assertThat(chart.followUps()).isEmpty();
    MessageUpdateEvent update =
        client.await(MessageUpdateEvent.class, e -> e.getMessageId().equals(filled.id()), WAIT);
    assertThat(update.getMessage().getAttachments()).hasSize(1);
  }

  @Test
  @DisplayName("allowed_mentions decides who is pinged: parse [] leaves mentions empty")
  void allowedMentions() {
    String text = sandbox.member().mention() + " and @everyone";
    Message pinging = text(sandbox.general()).sendMessage(text).complete();
    Message silent =
        text(sandbox.general())
            .sendMessage(text)
            .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
            .complete();

    JsonNode loud = sandbox.message(pinging.getId()).orElseThrow().json();
    assertThat(loud.path("mentions")).hasSize(1);
    assertThat(loud.path("mention_everyone").asBoolean())
        .isFalse(); // the bot lacks Mention Everyone
    JsonNode quiet = sandbox.message(silent.getId()).orElseThrow().json();
    assertThat(quiet.path("mentions")).isEmpty();
    assertThat(quiet.path("mention_roles")).isEmpty();
    assertThat(quiet.path("mention_everyone").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("slash command: an answer after 3 s fails with 10062 Unknown interaction")
  void lateReplyIsUnknownInteraction() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    client.handlers.add(
        e -> {
          if (e instanceof SlashCommandInteractionEvent s && s.getName().equals("late")) {
            CompletableFuture.delayedExecutor(3200, TimeUnit.MILLISECONDS)
                .execute(
                    () ->
                        s.reply("too late").queue(ok -> failure.complete(null), failure::complete));
          }
        });
    sandbox.slash(sandbox.member(), sandbox.general(), "late");

    assertThat(failure.get(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.getErrorCode()).isEqualTo(10062));
  }

  @Test
  @DisplayName("message context menu: the target message is resolved for the bot")
  void messageContextMenu() throws Exception {
    client.handlers.add(
        e -> {
          if (e instanceof MessageContextInteractionEvent m) {
            m.reply("quoted: " + m.getTarget().getContentRaw()).queue();
          }
        });
    SandboxMessage take = sandbox.post(sandbox.member(), sandbox.general(), "quote me");
    InteractionHandle quote = sandbox.messageCommand(sandbox.moderator(), take, "Quote take");

    SandboxMessage response = quote.awaitResponse(WAIT);
    assertThat(response.content()).isEqualTo("quoted: quote me");
    assertThat(response.type()).isEqualTo(23);
  }

  @Test
  @DisplayName(
      "buttons: a press can open a modal whose submission the bot reads, or edit the message")
  void buttonModalAndUpdate() throws Exception {
    client.handlers.add(
        e -> {
          if (e instanceof ButtonInteractionEvent b && b.getComponentId().equals("share-take")) {
            b.replyModal(
                    Modal.create("take-modal", "Share your take")
                        .addComponents(
                            Label.of(
                                "Your take",
                                TextInput.create("take", TextInputStyle.PARAGRAPH)
                                    .setMaxLength(2000)
                                    .build()))
                        .build())
                .queue();
          } else if (e instanceof ButtonInteractionEvent b && b.getComponentId().equals("close")) {
            b.editMessage("closed").setComponents().queue();
          } else if (e instanceof ModalInteractionEvent m && m.getModalId().equals("take-modal")) {
            m.reply("Thanks: " + m.getValue("take").getAsString()).setEphemeral(true).queue();
          }
        });
    Message post =
        text(sandbox.news())
            .sendMessage("Article with buttons")
            .setComponents(
                ActionRow.of(
                    Button.primary("share-take", "Share your take"),
                    Button.secondary("close", "Close")))
            .complete();
    SandboxMessage stored = sandbox.message(post.getId()).orElseThrow();
    assertThat(stored.buttonIds()).containsExactly("share-take", "close");

    InteractionHandle press = sandbox.pressButton(sandbox.member(), stored, "share-take");
    JsonNode modal = press.awaitModal(WAIT);
    assertThat(modal.path("custom_id").asText()).isEqualTo("take-modal");
    InteractionHandle submit =
        sandbox.submitModal(sandbox.member(), press, Map.of("take", "I like it"));
    SandboxMessage thanks = submit.awaitResponse(WAIT);
    assertThat(thanks.content()).isEqualTo("Thanks: I like it");
    assertThat(thanks.isEphemeral()).isTrue();
    assertThatThrownBy(
            () -> sandbox.submitModal(sandbox.member(), press, Map.of("take", "x".repeat(2001))))
        .isInstanceOf(IllegalArgumentException.class);

    InteractionHandle close = sandbox.pressButton(sandbox.moderator(), stored, "close");
    assertThat(close.awaitAck(WAIT)).isEqualTo(7);
    MessageUpdateEvent updated =
        client.await(
            MessageUpdateEvent.class,
            e ->
                e.getMessageId().equals(post.getId())
                    && e.getMessage().getContentRaw().equals("closed"),
            WAIT);
    assertThat(updated.getMessage().getComponents()).isEmpty();
    assertThat(sandbox.message(post.getId()).orElseThrow().buttonIds()).isEmpty();
  }

  @Test
  @DisplayName("the scenario API refuses what Discord's client would not allow")
  void scenarioGuards() {
    assertThatThrownBy(() -> sandbox.post(sandbox.member(), sandbox.readOnly(), "not allowed"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("read-only");
    assertThat(sandbox.post(sandbox.moderator(), sandbox.readOnly(), "mods may").content())
        .isEqualTo("mods may");
    assertThatThrownBy(() -> sandbox.slash(sandbox.member(), sandbox.general(), "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not registered".substring(4));
    assertThatThrownBy(
            () ->
                sandbox.slash(
                    sandbox.member(), sandbox.general(), "takes summary", Map.of("bogus", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bogus");
    assertThat(sandbox.commandVisibleTo(sandbox.member(), sandbox.news(), "article post"))
        .isFalse();
    assertThat(sandbox.commandVisibleTo(sandbox.moderator(), sandbox.news(), "article post"))
        .isTrue();
    assertThat(sandbox.commandVisibleTo(sandbox.member(), sandbox.news(), "takes summary"))
        .isTrue();
    assertThat(
            Permissions.has(
                sandbox.permissions(sandbox.moderator(), sandbox.general()),
                Permissions.MANAGE_MESSAGES))
        .isTrue();
    assertThat(
            Permissions.has(
                sandbox.permissions(sandbox.member(), sandbox.general()),
                Permissions.MANAGE_MESSAGES))
        .isFalse();
  }
}
