package io.dirsync.apply;

import io.dirsync.model.Failure;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The running count of outcomes for one apply; thread-safe. */
final class Tally {

  private final int total;
  private final ApplyListener listener;
  private final Map<OperationKind, Map<OperationOutcome, Integer>> counts = new EnumMap<>(OperationKind.class);
  private final List<Failure> failures = new ArrayList<>();
  private final List<Failure> skipped = new ArrayList<>();
  private int done;
  private String abortReason;

  Tally(int total, ApplyListener listener) {
    this.total = total;
    this.listener = listener == null ? ApplyListener.NONE : listener;
  }

  void add(Operation op, OperationOutcome outcome, String detail, List<Failure> userFailures) {
    int now;
    synchronized (this) {
      counts.computeIfAbsent(op.kind(), k -> new EnumMap<>(OperationOutcome.class)).merge(outcome, 1, Integer::sum);
      if (outcome == OperationOutcome.FAILED && userFailures.isEmpty()) failures.add(new Failure(op.kind(), op.target(), detail));
      if (outcome == OperationOutcome.SKIPPED) skipped.add(new Failure(op.kind(), op.target(), detail));
      failures.addAll(userFailures);
      now = ++done;
    }
    listener.progress(now, total);
  }

  /** Stops the run; the first reason wins. */
  synchronized void abort(String reason) {
    if (abortReason == null) abortReason = reason;
  }

  synchronized Optional<String> abortReason() {
    return Optional.ofNullable(abortReason);
  }

  synchronized ApplyResult result() {
    return new ApplyResult(counts, failures, skipped, abortReason != null, abortReason);
  }
}
