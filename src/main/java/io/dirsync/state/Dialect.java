package io.dirsync.state;

import java.util.Locale;

/** The two databases the store runs on, and the few statements that differ between them. */
enum Dialect {
  H2(
      "MERGE INTO managed_users (job, external_id, directory_id, applied_hash, removed, last_seen)"
          + " KEY (job, external_id) VALUES (?, ?, ?, ?, ?, ?)",
      "MERGE INTO watermarks (job, name, mark_value) KEY (job, name) VALUES (?, ?, ?)"),
  POSTGRESQL(
      "INSERT INTO managed_users (job, external_id, directory_id, applied_hash, removed, last_seen)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job, external_id) DO UPDATE SET"
          + " directory_id = EXCLUDED.directory_id, applied_hash = EXCLUDED.applied_hash,"
          + " removed = EXCLUDED.removed, last_seen = EXCLUDED.last_seen",
      "INSERT INTO watermarks (job, name, mark_value) VALUES (?, ?, ?)"
          + " ON CONFLICT (job, name) DO UPDATE SET mark_value = EXCLUDED.mark_value");

  private final String upsertManaged;
  private final String upsertWatermark;

  Dialect(String upsertManaged, String upsertWatermark) {
    this.upsertManaged = upsertManaged;
    this.upsertWatermark = upsertWatermark;
  }

  /** Parameters: job, external_id, directory_id, applied_hash, removed, last_seen. */
  String upsertManaged() {
    return upsertManaged;
  }

  /**
   * As {@link #upsertManaged()}, and also sets the user's name; parameters 7-9: username, email,
   * source_dn. (The plain upsert leaves a stored name as it is.)
   */
  String upsertManagedNamed() {
    String columns = "job, external_id, directory_id, applied_hash, removed, last_seen, username, email, source_dn";
    return this == H2
        ? "MERGE INTO managed_users (" + columns + ") KEY (job, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        : "INSERT INTO managed_users (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (job, external_id) DO UPDATE SET"
            + " directory_id = EXCLUDED.directory_id, applied_hash = EXCLUDED.applied_hash,"
            + " removed = EXCLUDED.removed, last_seen = EXCLUDED.last_seen, username = EXCLUDED.username,"
            + " email = EXCLUDED.email, source_dn = EXCLUDED.source_dn";
  }

  /** Parameters: job, name, mark_value. */
  String upsertWatermark() {
    return upsertWatermark;
  }

  /** The dialect a JDBC URL asks for, or null when the store does not support that database. */
  static Dialect ofUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:h2:")) return H2;
    if (u.startsWith("jdbc:postgresql:")) return POSTGRESQL;
    return null;
  }

  /** The dialect of a live connection, from {@code DatabaseMetaData.getDatabaseProductName()}. */
  static Dialect ofProduct(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) return H2;
    if (p.contains("postgres")) return POSTGRESQL;
    return null;
  }
}
