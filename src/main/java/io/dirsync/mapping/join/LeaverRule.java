package io.dirsync.mapping.join;

import io.dirsync.model.SourceEntry;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Blocks a person on the day they leave: from their end date on (compared with the run's date), or
 * while their status is one of the leaving statuses. Reads the raw entry of one source (HR).
 *
 * @param source the source whose entries carry the dates (e.g. {@code hr})
 * @param endDate the end-date attribute, or null
 * @param format how end dates are written
 * @param status the status attribute, or null
 * @param leftStatuses statuses that mean "left" (compared case-insensitively, stored lower-case)
 */
record LeaverRule(String source, String endDate, DateTimeFormatter format, String formatText, String status,
    Set<String> leftStatuses) {

  LeaverRule {
    leftStatuses = Set.copyOf(leftStatuses);
  }

  /** The attributes this rule reads. */
  Set<String> attributes() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    if (endDate != null) out.add(endDate.toLowerCase(Locale.ROOT));
    if (status != null) out.add(status.toLowerCase(Locale.ROOT));
    return out;
  }

  /** The values this rule needs from one entry, kept until the join. */
  Facts facts(SourceEntry entry) {
    return new Facts(endDate == null ? null : entry.first(endDate), status == null ? null : entry.first(status));
  }

  /**
   * Why the person is blocked on {@code today}, or null when they have not left.
   *
   * @throws IllegalArgumentException when the end date is not a date in the configured format
   */
  String leftReason(Facts facts, LocalDate today) {
    if (facts.status() != null && leftStatuses.contains(facts.status().trim().toLowerCase(Locale.ROOT))) {
      return status + " is " + facts.status().trim();
    }
    if (facts.endDate() == null || facts.endDate().isBlank()) return null;
    LocalDate end;
    try {
      end = LocalDate.parse(facts.endDate().trim(), format);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(endDate + " \"" + facts.endDate() + "\" is not a date written " + formatText);
    }
    return today.isBefore(end) ? null : endDate + " " + end + " has come (today is " + today + ")";
  }

  /** The raw end date and status of one entry (either may be null). */
  record Facts(String endDate, String status) {}
}
