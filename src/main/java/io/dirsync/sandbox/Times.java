package io.dirsync.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps as the API writes them: fixed-width ISO-8601 in UTC, so they also sort as text. */
final class Times {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String now(Clock clock) {
        return FORMAT.format(clock.instant());
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Parses ISO-8601 date-time text (with or without an offset; UTC when absent). */
    static Instant parse(String text) {
        try {
            var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text,
                    java.time.OffsetDateTime::from, java.time.LocalDateTime::from);
            if (parsed instanceof java.time.OffsetDateTime odt) {
                return odt.toInstant();
            }
            return ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Checks that {@code field} holds ISO-8601 date-time text, naming it otherwise. */
    static void requireIso(String field, Object value) {
        if (value != null && (!(value instanceof String s) || parse(s) == null)) {
            throw ApiException.invalid(field + " must be an ISO-8601 date-time such as "
                    + "2021-03-11T20:52:50+08:00, got \"" + value + "\"");
        }
    }
}
