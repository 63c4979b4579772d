package io.dirsync.directory.authing;

import java.util.List;

/** One page of a list: {@code totalCount} counts every item, {@code list} holds the requested page. */
public record Paginated<T>(int totalCount, List<T> list) {
  public Paginated {
    list = List.copyOf(list);
  }
}
