package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Irony and sarcasm read as negative, their sincere look-alikes stay positive, and questions that
 * only ask read neutral. The sentences are invented for this specification (in the register of
 * takes on the seed article); none comes from a labelled data set.
 */
@DisplayName("Irony")
class IronyTest {
  private static final SentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.standard();

  static Stream<String> ironic() {
    return Stream.of(
        "the audacity 💀",
        "the audacity of these people",
        "what a joke",
        "this \"partnership\" is a joke",
        "sure, *great* plan",
        "oh sure, great plan",
        // the rules narrowed in the hostile review of lexicon-8 still read these (#17)
        "Great, another summit with nothing to show for it.",
        "Congrats on losing the uranium to Russia.",
        "Well done State Department, another decade of failure.",
        "suuure, they totally respect Mali now",
        "they 'respect' us now",
        "they \"respect\" our sovereignty now",
        "so much “respect” for Mali lol",
        "yeah right",
        "yeah right, they totally care about Mali",
        "lol no",
        "lmao no",
        "great diplomacy /s",
        "wonderful news /s",
        "great diplomacy??",
        "so this is what they call progress??",
        "love the respect for sovereignty??",
        "great diplomacy, shame about the coup",
        "lovely partnership, pity about the drone strikes",
        "bravo, encore une belle promesse",
        "bravo, encore un beau discours sur la souveraineté",
        "super, encore une promesse",
        "oh great, another summit",
        "great, another delay",
        "thanks for nothing",
        "cool story bro",
        "sure jan",
        "wow such respect 🙄",
        "great diplomacy 🙄",
        "amazing work guys 🤡",
        "what a great idea 🙃",
        "merci pour rien",
        "quelle surprise, les américains reviennent pour l'uranium",
        "\"respect for sovereignty\" lmao",
        "je ne pense vraiment pas que ce soit une bonne idée",
        "on ne peut pas dire que ce soit un grand succès",
        "je ne crois pas que ce gouvernement ait pris une bonne décision",
        "ils n'ont jamais vraiment eu de bonnes intentions envers le Sahel",
        "nice \"diplomacy\" there",
        "respect for sovereignty my ass",
        "the US only cares because of the uranium",
        "imagine thinking they care about Mali",
        "funny how they only show up when Russia does",
        "they're not fooling anyone",
        "sure, because that worked so well in Libya",
        "totally not about the minerals",
        "oh so NOW they want to talk",
        "wow they really care huh",
        "another neo-colonial power grab",
        "respect? after decades of interference?",
        "yeah because the last 'partnership' went so well",
        "lol sure, respect",
        "oh wonderful, more talks",
        "policy missteps lol, that's one way to put it",
        "new course my foot",
        "nobody believes this",
        "the State Department has zero credibility here",
        "same old playbook",
        "another coup, another delay, great",
        "the talks failed. great.",
        "good luck with that",
        "good luck with that lol",
        "good luck with that one",
        // sarcastic idioms added with the Discord takes (#17)
        "oh great, the envoy is here to help. what could go wrong",
        "what could possibly go wrong",
        "quelle blague ce partenariat",
        "who actually believes this statement",
        "they only care about the uranium, who could have guessed",
        "colour me shocked, they want the gold",
        "*slow clap* for the State Department",
        "galaxy brain diplomacy",
        "that promise aged like milk",
        "mais bien sûr, ils respectent notre souveraineté",
        "le respect de la souveraineté, mon œil",
        "wow what a shocker, minerals involved again",
        "big shocker, the new partnership is all about the mines",
        // congratulation on a failure, scornful openings and idioms, laughter at the actors (#17)
        "great job guys, you lost three countries in three years",
        "well done America, another region lost to Russia",
        "congrats on losing the entire Sahel",
        "bravo les gars, vous avez perdu le Sahel",
        "brilliant strategy, abandon them for years then blame Russia",
        "what a brilliant idea, reset relations after abandoning them",
        "as if they ever cared about the Sahel",
        "like they ever respected anyone",
        "lmao they really think anyone trusts them now",
        "this will definitely end well",
        "how generous of them",
        "big if true lol",
        "the new partnership is a disaster. oh no, anyway",
        "this aged well 💀",
        "the audacity to call it respect 💀",
        "the audacity lmao",
        "who actually believes this lol",
        "they only remembered the Sahel once the uranium price went up lmao",
        "mdr ils découvrent l'Afrique en 2026",
        "Bravo Paris, encore une promesse en l'air",
        "great job guys, you lost the whole region and now you want a reset 👏👏",
        "oh now they care about the farmers? how touching",
        "Mission accomplished: twenty years of policy and nothing to show for it",
        "Bold strategy: ignore them for a decade, then ask for minerals",
        "LMAO the US really believes one visit fixes a decade of neglect",
        "love how 'partnership' means 'give us your lithium' /s",
        "\"respect for Mali's sovereignty\" 😂😂 they can't even say it straight",
        "le \"respect de la souveraineté\" mdr",
        "Félicitations aux US qui découvrent l'Afrique 👏",
        "Washington discovered Africa again",
        "riiight, respect",
        "suuure, they respect us now",
        "trop fort les américains, toujours en retard",
        "cool, so they'll sell weapons to juntas now. love that for us",
        "stunning and brave diplomacy",
        "imagine being proud of that summit lol",
        "so they sold weapons to the junta? cool cool cool",
        "yeah this time they definitely mean it",
        "one junior envoy, that shows how little they care",
        "mdr ils se moquent de nous avec leur partenariat");
  }

  static Stream<String> sincere() {
    return Stream.of(
        "great diplomacy, well done",
        "great plan, love it",
        "sure, great idea, let's do it",
        "this is *really* good",
        "that was *amazing*",
        "*great* job everyone!",
        "she said \"thank you\" and meant it",
        "I respect them for this",
        "real respect for Mali's sovereignty here",
        "yeah, that was a good call",
        "lol yes, finally some good news",
        "oh wow, this is great news!",
        "wow, what a great move",
        "oh great, they finally signed the deal!",
        "thanks for everything you do",
        "thanks, that's a nice summary",
        "nice, that worked out well",
        "bravo à toute l'équipe, belle victoire",
        "encore bravo pour ce beau travail",
        "encore merci pour cette belle analyse",
        "c'est une très bonne nouvelle pour le Mali",
        "super, enfin une bonne nouvelle",
        "what a great idea, seriously",
        "great diplomacy, good news for the Sahel",
        "proud of this team 💪",
        "such a good take",
        "love how calm this discussion is",
        "respect to the diplomats who made this happen",
        "is this good news? I think so, great news!",
        "they finally respect us and it feels good",
        "good luck to the negotiators",
        "really good point about the uranium",
        "sure thing, happy to help",
        "right on, great analysis",
        "honestly a great step for the region",
        "je pense vraiment que c'est une bonne idée",
        "yeah this is great",
        "the audience loved it",
        "great talk, thanks for sharing",
        "what a joy to read this",
        "I love how they handled this",
        "funny story, the talks went great",
        "they really care about the region, good",
        "so now they can finally rebuild, great news",
        "totally worth the wait",
        "happy? very",
        "ready? let's go",
        "it was a long hard week, thanks everyone",
        // look-alikes added in review (#17): praise the irony rules must leave alone
        "good luck with that project, I hope it works out",
        "good luck with that exam tomorrow!",
        "Sure, great plan — I fully support it",
        "the minister said \"great progress\" and he was right",
        "great news, another school reopened in Gao",
        "wow, they really care about the farmers, good to see",
        "honestly amazing work, respect 🙏",
        "they called it \"a historic partnership\" and I agree, it is",
        "cool, thanks for the link!",
        "great to see another round of talks, progress at last",
        "oh nice, they actually kept their promise this time",
        "she called it a success and it was, well done",
        "the headline says \"historic\", and honestly it is a great step",
        // look-alikes of the idioms added with the Discord takes (#17)
        "who could have guessed the talks would go this well",
        "on y croit, le Sahel mérite mieux",
        "that was the right call, well done",
        // look-alikes of congratulation, openings and laughter (#17)
        "great job guys, you pulled it off",
        "well done to the negotiators, a hard deal to land",
        "congrats to everyone who pushed for this",
        "great job by the negotiators, but it took too long to start",
        "it looks as if they finally care, good",
        "I like how they handled it",
        "lol they finally signed it, good for them",
        "haha my friends loved the stream",
        "they really think it through, I respect that",
        "this will end well, I'm sure of it 🙏",
        "how kind of you to share this",
        "chapeau aux diplomates, beau travail",
        "Real diplomacy at last. Hats off.",
        "big W for the region if this holds",
        "that's cute, my cat loves the stream too",
        "Bravo Paris, une belle victoire",
        "I searched for \"best hotels in Bamako\" and found a great one",
        "they promised \"a real partnership with Africa\" and honestly it looks good",
        "yesss, finally a good deal",
        "I love that for you, congrats!",
        "trop fort ce discours, bravo",
        // look-alikes from the hostile review of lexicon-8 (#17): cheer and emphasis
        "Congrats Niger, another gold medal!",
        "Congrats Burkina, yet another win for the national team!",
        "Bravo Niger, encore une médaille d'or !",
        "I **totally** agree, this is a smart first step.",
        "**Clearly** the best news for the Sahel in years.",
        // closing idioms and "as if" used sincerely (review, #17)
        "That was generous of them, they sent flowers to the families.",
        "Really generous of them, the aid arrived today and it helps",
        "As if by magic, the talks went smoothly and everyone is happy",
        "I imagine being there was amazing",
        "cool, cool, see you all at the stream, great talk",
        "haha my cousin in Mali just called, he says hi and he is happy");
  }

  /**
   * Sincere texts that name a harm beside their praise: they may read mixed, never as irony (from
   * the hostile review of lexicon-8, #17).
   */
  static Stream<String> sincereWithHarm() {
    return Stream.of(
        "Congratulations to the negotiators, they ended a pointless war.",
        "Well done to the Malian fact-checkers for debunking that fake video.",
        "Bravo aux journalistes qui ont dénoncé la corruption.",
        "Good job fixing the broken link, works now",
        "Great work catching that error in the article.",
        "Awesome, more episodes drop tomorrow!",
        "You're riiight, I misread it, good point!");
  }

  static Stream<String> informational() {
    return Stream.of(
        "anyone on tonight?",
        "is the stream live?",
        "source?",
        "link?",
        "what time does the call start?",
        "any news on this?",
        "can someone pin the article?",
        "is there a recording?",
        "where did you read that?",
        "does anyone have the link?",
        "brb",
        "quelqu'un a le lien ?",
        "c'est à quelle heure ?",
        "does anyone want to join the call?",
        "any chance someone has the transcript?",
        "is it okay to post the article here?",
        "who's hosting the watch party tonight?");
  }

  @Nested
  @DisplayName("sarcasm markers, scare quotes, stressed praise, rhetorical ??, contradicting tails")
  class Ironic {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.takebot.sentiment.IronyTest#ironic")
    @DisplayName("read negative, not as praise")
    void readNegative(String text) {
      Sentiment s = ANALYZER.analyze(text);
      assertThat(s.label()).as("%s -> %s", text, s).isEqualTo(Label.NEGATIVE);
    }
  }

  @Nested
  @DisplayName("sincere look-alikes")
  class Sincere {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.takebot.sentiment.IronyTest#sincere")
    @DisplayName("stay positive")
    void stayPositive(String text) {
      Sentiment s = ANALYZER.analyze(text);
      assertThat(s.label()).as("%s -> %s", text, s).isEqualTo(Label.POSITIVE);
      assertThat(s.reasons()).doesNotContain("irony");
    }
  }

  @Nested
  @DisplayName("sincere look-alikes that name a harm (\"good job fixing the broken link\")")
  class SincereWithHarm {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.takebot.sentiment.IronyTest#sincereWithHarm")
    @DisplayName("are not read as irony")
    void notIrony(String text) {
      Sentiment s = ANALYZER.analyze(text);
      assertThat(s.label()).as("%s -> %s", text, s).isNotEqualTo(Label.NEGATIVE);
      assertThat(s.reasons()).doesNotContain("irony");
    }
  }

  @Nested
  @DisplayName("off-topic and informational messages")
  class Informational {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.takebot.sentiment.IronyTest#informational")
    @DisplayName("read neutral")
    void readNeutral(String text) {
      Sentiment s = ANALYZER.analyze(text);
      assertThat(s.label()).as("%s -> %s", text, s).isEqualTo(Label.NEUTRAL);
    }
  }

  static Stream<String> floods() {
    return Stream.of(
        "great ".repeat(20_000),
        "g".repeat(1_000_000),
        "🙄".repeat(50_000),
        ("great" + "\u0301\u0302\u0303\u0304".repeat(20) + " ").repeat(2_000),
        "\u202Egreat\u202C, another delay \u202Dlol\u202C ".repeat(2_000),
        "great\u0000huh\u0000".repeat(5_000),
        "\uD83Dgreat\uDE00 'respect' \uDFFF".repeat(3_000),
        "'".repeat(100_000),
        "\"".repeat(100_000),
        "\"great\" ".repeat(10_000),
        "??".repeat(10_000),
        "great?? ".repeat(10_000),
        "not ".repeat(25_000) + "good",
        "great, another ".repeat(5_000),
        "great, shame about ".repeat(5_000),
        "great huh ".repeat(5_000),
        "sure *great* ".repeat(5_000),
        "oh sure ".repeat(5_000),
        "riiight, ".repeat(5_000),
        "Congrats Niger, another! ".repeat(3_000),
        "thanks for nothing ".repeat(5_000),
        "*".repeat(100_000),
        "*great*".repeat(10_000));
  }

  @Nested
  @DisplayName(
      "floods of cues and hostile characters (HostileTextBench shows their time grows linearly)")
  class Floods {
    @ParameterizedTest(name = "{index}")
    @MethodSource("dev.takebot.sentiment.IronyTest#floods")
    @DisplayName("are read without an exception, within range")
    void readWithoutException(String text) {
      Sentiment s = ANALYZER.analyze(text);
      assertThat(s.score()).isBetween(-1.0, 1.0);
      assertThat(s.label()).isNotNull();
    }
  }
}
