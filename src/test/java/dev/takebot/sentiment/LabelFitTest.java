package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The label-decision experiment's fitting")
class LabelFitTest {
  @Test
  void solvesALinearSystem() {
    double[] x = LabelFit.solve(new double[][] {{0, 2}, {3, 1}}, new double[] {4, 5});
    assertThat(x[0]).isCloseTo(1, within(1e-12));
    assertThat(x[1]).isCloseTo(2, within(1e-12));
  }

  @Test
  void theLogisticModelLearnsWhichSideTheEvidenceIsOn() {
    List<LabelFit.Point> points = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double pos = (i % 10) / 5.0;
      double neg = ((i / 10) % 10) / 5.0;
      int gold = pos > neg ? LabelFit.POS : LabelFit.NEG;
      points.add(point(pos, neg, gold));
    }

    LabelFit.Logit side = LabelFit.train(List.of(points), p -> p.gold() == LabelFit.POS ? 1 : 0, 1);

    assertThat(side.z(point(1.8, 0.2, LabelFit.POS).f())).isPositive();
    assertThat(side.z(point(0.2, 1.8, LabelFit.NEG).f())).isNegative();
  }

  private static LabelFit.Point point(double pos, double neg, int gold) {
    double[] f = {1, pos, neg};
    return new LabelFit.Point(f, 5, 0, false, gold, 0);
  }
}
