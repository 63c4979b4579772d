package io.dirsync.directory.authing;

/** A custom-field value as the server holds it: {@code value} is text (STRING raw, others JSON text, DATETIME epoch-ms). */
public record UdfValue(String key, String dataType, String value, String label) {

  /** The value decoded per {@code dataType} (see {@link CustomData#decode}). */
  public Object decoded() {
    return CustomData.decode(dataType, value);
  }
}
