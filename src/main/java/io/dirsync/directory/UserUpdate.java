package io.dirsync.directory;

import java.util.Map;

/**
 * One user's part of {@link Directory#updateUsers}: the fields to set (a null value clears), the
 * custom-data values to set, and whether to block the user. Empty maps and {@code block} false
 * leave that part alone.
 */
public record UserUpdate(String userId, Map<String, Object> fields, Map<String, Object> customData, boolean block) {
  public UserUpdate {
    if (userId == null || userId.isBlank()) throw new IllegalArgumentException("userId is required");
    fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    customData = customData == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customData));
  }
}
