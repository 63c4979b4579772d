package io.dirsync.sync;

import org.slf4j.MDC;

/**
 * Puts the run's job and run id into the logging context of the running thread (the thread pools
 * of look-up and apply copy it), so every log line of a run says which run it belongs to; closing
 * restores what was there before.
 */
final class RunContext implements AutoCloseable {
  private final String previousJob;
  private final String previousRunId;

  RunContext(String job, String runId) {
    previousJob = MDC.get("job");
    previousRunId = MDC.get("runId");
    MDC.put("job", job);
    MDC.put("runId", runId);
  }

  @Override
  public void close() {
    restore("job", previousJob);
    restore("runId", previousRunId);
  }

  private static void restore(String key, String value) {
    if (value == null) MDC.remove(key);
    else MDC.put(key, value);
  }
}
