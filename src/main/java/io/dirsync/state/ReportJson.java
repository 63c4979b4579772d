package io.dirsync.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dirsync.model.RunReport;

/** RunReport to and from the JSON kept in {@code runs.report_json}: ISO-8601 instants and durations. */
final class ReportJson {
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  String write(RunReport report) {
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new StateStoreException("cannot write the report of run " + report.runId() + " as JSON", e);
    }
  }

  RunReport read(String json) {
    try {
      return mapper.readValue(json, RunReport.class);
    } catch (JsonProcessingException e) {
      throw new StateStoreException("cannot read a stored run report: " + e.getOriginalMessage(), e);
    }
  }
}
