package io.dirsync.directory.authing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Custom-data value encoding: JSON text on write, decoded per data type on read (§3.6). */
public final class CustomData {
  // Configured once, never changed: safe to share.
  private static final ObjectMapper JSON = new ObjectMapper();

  private CustomData() {}

  /** A value as the server expects it: its JSON text ({@code "x"} → {@code "\"x\""}, 42 → {@code "42"}). */
  public static String encode(Object value) {
    try {
      return JSON.writeValueAsString(value instanceof Instant i ? i.toEpochMilli() : value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("custom data value of type " + value.getClass().getSimpleName() + " cannot be encoded as JSON");
    }
  }

  /**
   * A value as the server returns it, decoded: STRING and SELECT as is; NUMBER as Long when whole,
   * else Double; BOOLEAN as Boolean; OBJECT as maps and lists; DATETIME as an {@link Instant}
   * (epoch-ms text or ISO-8601). Text that does not decode is returned as is.
   */
  public static Object decode(String dataType, String text) {
    if (text == null) return null;
    try {
      switch (dataType == null ? "STRING" : dataType) {
        case "NUMBER": {
          BigDecimal n = new BigDecimal(text.trim());
          return n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
              ? (Object) n.longValueExact() : (Object) n.doubleValue();
        }
        case "BOOLEAN":
          return Boolean.parseBoolean(text.trim());
        case "OBJECT":
          return JSON.readValue(text, Object.class);
        case "DATETIME":
          return text.trim().matches("-?\\d+") ? Instant.ofEpochMilli(Long.parseLong(text.trim())) : OffsetDateTime.parse(text.trim()).toInstant();
        default:
          return text;
      }
    } catch (NumberFormatException | ArithmeticException | JsonProcessingException | DateTimeParseException e) {
      return text;
    }
  }
}
