package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The French lexicon is matched after accents are folded away, so an entry can land on another
 * word: "sûr" (sure) became "sur" (on), and every French take about anything "sur" something read
 * as positive.
 */
@DisplayName("French lexicon")
class FrenchLexiconTest {

  @Test
  @DisplayName("no rated word folds onto a French function word")
  void noEntryFoldsOntoAFunctionWord() throws IOException {
    // given the French function words, which carry no judgement
    Set<String> function = functionWords();

    // when each rated French word is folded as the analyser folds it
    List<String> collisions = new ArrayList<>();
    for (String[] entry : entries()) {
      String folded = Fold.fold(entry[0]);
      if (!folded.equals(entry[0]) && function.contains(folded)) {
        collisions.add(entry[0] + " -> " + folded);
      }
    }

    // then none of them becomes a function word
    assertThat(collisions).isEmpty();
  }

  @Test
  @DisplayName("words that fold to the same spelling are rated alike")
  void foldedTwinsAgree() throws IOException {
    // given every rated French word, by folded spelling
    Map<String, List<String>> byFolded = new HashMap<>();
    for (String[] entry : entries()) {
      byFolded
          .computeIfAbsent(Fold.fold(entry[0]), k -> new ArrayList<>())
          .add(entry[0] + "=" + entry[1]);
    }

    // when two spellings meet ("menace" and "menacé")
    List<String> disagreeing =
        byFolded.values().stream()
            .filter(
                twins ->
                    twins.stream().map(t -> t.substring(t.indexOf('=') + 1)).distinct().count() > 1)
            .map(Object::toString)
            .toList();

    // then they carry one rating, so the reading does not depend on which line loads last
    assertThat(disagreeing).isEmpty();
  }

  @Test
  @DisplayName(
      "\"sur\" (on) is not \"sûr\" (sure): a sentence that only says what a debate is about reads neutral")
  void surIsNotSure() {
    SentimentAnalyzer analyzer = LexiconSentimentAnalyzer.standard();

    assertThat(analyzer.analyze("Le débat porte sur la souveraineté et sur le commerce").label())
        .isEqualTo(Label.NEUTRAL);
  }

  @Test
  @DisplayName(
      "what the Sahel's critics accuse partners of — pillaging, despoiling, lying — reads negative in"
          + " every form of the verb")
  void accusationsReadNegative() {
    SentimentAnalyzer analyzer = LexiconSentimentAnalyzer.standard();

    for (String take :
        List.of(
            "ils veulent juste piller les ressources",
            "ils pillent l'uranium depuis des décennies",
            "un pays pillé par ses partenaires",
            "la spoliation continue",
            "ils nous mentent sur leurs intentions")) {
      assertThat(analyzer.analyze(take).score()).as(take).isNegative();
    }
    // "mieux" (better) no longer carries it to praise
    assertThat(
            analyzer
                .analyze(
                    "encore une fois on parle de souveraineté pour mieux piller les ressources")
                .label())
        .isNotEqualTo(Label.POSITIVE);
  }

  private static List<String[]> entries() throws IOException {
    return lines("sentiment/fr.tsv").stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.split("\t"))
        .toList();
  }

  private static Set<String> functionWords() throws IOException {
    return lines("sentiment/modifiers.tsv").stream()
        .filter(l -> l.startsWith("func-fr\t"))
        .flatMap(l -> Arrays.stream(l.split("\t")[1].split(",")))
        .map(Fold::fold)
        .collect(Collectors.toSet());
  }

  private static List<String> lines(String resource) throws IOException {
    try (var in = FrenchLexiconTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    }
  }
}
