package io.dirsync.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 1-based paging as the API does it: page defaults to 1, limit to 10; {@code {totalCount, list}}. */
final class Paging {
    private Paging() {
    }

    static int page(Integer page) {
        return page == null || page < 1 ? 1 : page;
    }

    static int limit(Integer limit) {
        return limit == null || limit < 1 ? 10 : limit;
    }

    static long offset(Integer page, Integer limit) {
        return (long) (page(page) - 1) * limit(limit);
    }

    static <T> List<T> slice(List<T> all, Integer page, Integer limit) {
        long from = offset(page, limit);
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + limit(limit)));
    }

    static Map<String, Object> result(int totalCount, List<?> list) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("totalCount", totalCount);
        page.put("list", list);
        return page;
    }

    static Map<String, Object> of(List<?> all, Integer page, Integer limit) {
        return result(all.size(), slice(all, page, limit));
    }
}
