package io.dirsync.config;

/**
 * A database view or table read with one query ({@code type: jdbc}): one user per row, column labels
 * (lower-cased) are the attribute names. Only {@code jdbc:postgresql:} and {@code jdbc:h2:} URLs.
 *
 * @param query a SELECT (or WITH … SELECT); it runs in a read-only transaction
 * @param dnColumn the column whose value is each row's dn (unique, non-empty); null: {@code row:<n>}
 * @param fetchSize rows fetched per round trip (the driver streams the result in pages of this size)
 * @param separator splits text cells into several values, e.g. {@code ";"}; null: never
 */
public record JdbcSourceConfig(String url, String user, Secret password, String query, String dnColumn, int fetchSize,
    String separator) {}
