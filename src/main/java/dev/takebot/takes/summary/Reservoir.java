package dev.takebot.takes.summary;

import dev.takebot.takes.Take;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform sample of a stream of takes in fixed memory, by Li's Algorithm L: once the reservoir is
 * full it draws how many takes to skip before the next replacement, instead of a random number per
 * take, so the million-take pass stays cheap.
 */
final class Reservoir {
  final List<Representative> items = new ArrayList<>();
  private final int size;
  private final SplittableRandom random;
  private long seen;
  private long next;
  private double w;

  Reservoir(int size, SplittableRandom random) {
    this.size = size;
    this.random = random;
  }

  void offer(Take take) {
    seen++;
    if (seen <= size) {
      items.add(DiscussionSummarizer.keep(take, 0));
      if (seen == size) {
        w = Math.exp(Math.log(uniform()) / size);
        next = seen + skip() + 1;
      }
    } else if (seen == next) {
      items.set(random.nextInt(size), DiscussionSummarizer.keep(take, 0));
      w *= Math.exp(Math.log(uniform()) / size);
      next += skip() + 1;
    }
  }

  private long skip() {
    return (long) Math.min(Math.floor(Math.log(uniform()) / Math.log1p(-w)), Long.MAX_VALUE / 4.0);
  }

  private double uniform() {
    double u;
    do {
      u = random.nextDouble();
    } while (u == 0);
    return u;
  }
}
