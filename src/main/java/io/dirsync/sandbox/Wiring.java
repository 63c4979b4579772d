package io.dirsync.sandbox;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects data fetchers. Root fields are wrapped so that each call is counted and, except for
 * {@code accessToken}, refused with code 2020 unless the request carried a valid token. Root
 * fields the sandbox does not implement answer a clear business error.
 */
final class Wiring {
    static final String AUTHENTICATED = "sandbox.authenticated";

    private final Map<String, Map<String, DataFetcher<?>>> fetchers = new HashMap<>();
    private final CallStats stats;

    Wiring(CallStats stats) {
        this.stats = stats;
    }

    void query(String field, DataFetcher<?> fetcher) {
        root("Query", field, fetcher, true);
    }

    void mutation(String field, DataFetcher<?> fetcher) {
        root("Mutation", field, fetcher, true);
    }

    /** A root query field that needs no token. */
    void openQuery(String field, DataFetcher<?> fetcher) {
        root("Query", field, fetcher, false);
    }

    void type(String type, String field, DataFetcher<?> fetcher) {
        fetchers.computeIfAbsent(type, k -> new HashMap<>()).put(field, fetcher);
    }

    private void root(String type, String field, DataFetcher<?> fetcher, boolean needsToken) {
        type(type, field, env -> {
            stats.count(field);
            if (needsToken && !Boolean.TRUE.equals(env.getGraphQlContext().get(AUTHENTICATED))) {
                throw new ApiException(ApiException.NOT_LOGGED_IN,
                        "not logged in: send 'authorization: Bearer <token from the accessToken query>' "
                                + "(token missing, invalid or expired)");
            }
            return fetcher.get(env);
        });
    }

    RuntimeWiring build(TypeDefinitionRegistry registry) {
        for (String rootType : new String[] {"Query", "Mutation"}) {
            ObjectTypeDefinition def = registry.getType(rootType, ObjectTypeDefinition.class).orElseThrow();
            for (FieldDefinition field : def.getFieldDefinitions()) {
                if (!fetchers.getOrDefault(rootType, Map.of()).containsKey(field.getName())) {
                    root(rootType, field.getName(), env -> {
                        throw new ApiException(ApiException.INVALID_INPUT,
                                field.getName() + " is in the schema but not implemented by the sandbox");
                    }, true);
                }
            }
        }
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring().scalar(ObjectScalar.type());
        fetchers.forEach((type, fields) -> builder.type(type, t -> t.dataFetchers(new HashMap<>(fields))));
        return builder.build();
    }
}
