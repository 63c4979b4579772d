package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GraphQL fetchers for custom field definitions (UDF) and values (UDV). */
final class CustomDataFetchers {
    private final Sandbox s;

    CustomDataFetchers(Sandbox sandbox) {
        this.s = sandbox;
    }

    void register(Wiring w) {
        w.mutation("setUdf", env -> s.udf().define(Args.str(env, "targetType"), Args.str(env, "key"),
                Args.str(env, "dataType"), Args.str(env, "label"), Args.str(env, "options")));
        w.query("udf", env -> s.udf().definitions(Args.str(env, "targetType")));
        w.mutation("removeUdf", env -> {
            s.udf().undefine(Args.str(env, "targetType"), Args.str(env, "key"));
            return Args.message("删除成功!");
        });
        w.query("udv", env -> {
            String type = Args.str(env, "targetType");
            String target = Args.str(env, "targetId");
            requireTarget(type, target);
            return s.udf().valuesOf(type, target);
        });
        w.query("udfValueBatch", env -> {
            String type = Args.str(env, "targetType");
            List<Map<String, Object>> out = new ArrayList<>();
            for (String target : Args.strings(env, "targetIds")) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("targetId", target);
                item.put("data", s.udf().valuesOf(type, target));
                out.add(item);
            }
            return out;
        });
        w.mutation("setUdvBatch", env -> {
            String type = Args.str(env, "targetType");
            String target = Args.str(env, "targetId");
            requireTarget(type, target);
            Map<String, String> values = new LinkedHashMap<>();
            for (Map<String, Object> item : Args.maps(env, "udvList")) {
                values.put((String) item.get("key"), (String) item.get("value"));
            }
            s.udf().set(type, target, values);
            return s.udf().valuesOf(type, target);
        });
        w.mutation("setUdv", env -> {
            String type = Args.str(env, "targetType");
            String target = Args.str(env, "targetId");
            requireTarget(type, target);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(Args.str(env, "key"), Args.str(env, "value"));
            s.udf().set(type, target, values);
            return s.udf().valuesOf(type, target);
        });
        w.mutation("setUdfValueBatch", env -> {
            String type = Args.str(env, "targetType");
            List<List<String>> triples = new ArrayList<>();
            for (Map<String, Object> item : Args.maps(env, "input")) {
                requireTarget(type, (String) item.get("targetId"));
                List<String> triple = new ArrayList<>();
                triple.add((String) item.get("targetId"));
                triple.add((String) item.get("key"));
                triple.add((String) item.get("value"));
                triples.add(triple);
            }
            s.udf().setMany(type, triples);
            return Args.message("设置成功");
        });
        w.mutation("removeUdv", env -> {
            String type = Args.str(env, "targetType");
            String target = Args.str(env, "targetId");
            s.udf().remove(type, target, Args.str(env, "key"));
            return s.udf().valuesOf(type, target);
        });
    }

    /** Values of users and roles may only be written for targets that exist. */
    private void requireTarget(String type, String target) {
        if ("USER".equals(type)) {
            s.users().require(target);
        } else if ("ROLE".equals(type) && s.roles().byId(target) == null) {
            throw ApiException.notFound("role " + target + " does not exist");
        } else if ("NODE".equals(type)) {
            s.orgs().requireNode(target);
        }
    }
}
