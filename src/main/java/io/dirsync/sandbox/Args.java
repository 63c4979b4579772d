package io.dirsync.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to GraphQL arguments. */
final class Args {
    private Args() {
    }

    static String str(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return value == null ? null : value.toString();
    }

    static Integer integer(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return value instanceof Number n ? n.intValue() : null;
    }

    static Boolean bool(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return value instanceof Boolean b ? b : null;
    }

    /** A list of strings; an absent list is empty, null items are dropped. */
    static List<String> strings(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    out.add(item.toString());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    static Map<String, Object> message(String message) {
        return Map.of("code", 200, "message", message);
    }
}
