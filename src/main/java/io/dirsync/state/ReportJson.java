package io.dirsync.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dirsync.model.RunReport;

/**
 * RunReport to and from the JSON kept in {@code runs.report_json}: ISO-8601 instants and durations.
 * The stored copy keeps at most {@link #STORED_CHANGES} rows of {@code changes} (the JSON report
 * file has them all): a 100,000-user first sync lists ~200,000 rows, ~140 MB of JSON that would
 * have to fit in the heap as one string.
 */
final class ReportJson {
  /** Rows of {@code changes} kept in the stored report; counts, failures and skipped entries are kept whole. */
  static final int STORED_CHANGES = 1000;

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  String write(RunReport report) {
    try {
      return mapper.writeValueAsString(bounded(report));
    } catch (JsonProcessingException e) {
      throw new StateStoreException("cannot write the report of run " + report.runId() + " as JSON", e);
    }
  }

  static RunReport bounded(RunReport r) {
    if (r.changes().size() <= STORED_CHANGES) return r;
    return new RunReport(r.runId(), r.job(), r.dryRun(), r.startedAt(), r.finishedAt(), r.outcome(), r.message(),
        r.sourceUsers(), r.unchanged(), r.counts(), r.skipped(), r.failures(), r.apiCalls(), r.timings(), r.mode(),
        r.changes().subList(0, STORED_CHANGES), r.memberships());
  }

  RunReport read(String json) {
    try {
      return mapper.readValue(json, RunReport.class);
    } catch (JsonProcessingException e) {
      throw new StateStoreException("cannot read a stored run report: " + e.getOriginalMessage(), e);
    }
  }
}
