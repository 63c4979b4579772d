package io.dirsync.sandbox;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code POST /graphql/v2}: executes documents against the schema of the Authing v2 API.
 * Parsed and validated documents are cached by their text. Every error — parse, validation,
 * business — is answered in Authing's shape, {@code errors[].message = {code, message, data}}.
 */
final class GraphqlEndpoint {
    private static final int CACHE_LIMIT = 2_000;

    private final GraphQL graphql;
    private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

    GraphqlEndpoint(Wiring wiring) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(schemaText());
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, wiring.build(registry));
        PreparsedDocumentProvider cache = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
                    ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                PreparsedDocumentEntry entry = documents.get(input.getQuery());
                if (entry == null) {
                    if (documents.size() >= CACHE_LIMIT) {
                        documents.clear();
                    }
                    entry = parseAndValidate.apply(input);
                    documents.put(input.getQuery(), entry);
                }
                return CompletableFuture.completedFuture(entry);
            }
        };
        this.graphql = GraphQL.newGraphQL(schema).preparsedDocumentProvider(cache).build();
    }

    private static String schemaText() {
        try (InputStream in = GraphqlEndpoint.class.getResourceAsStream("/sandbox/schema.graphqls")) {
            if (in == null) {
                throw new IllegalStateException("sandbox/schema.graphqls is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Json.unchecked("cannot read sandbox/schema.graphqls", e);
        }
    }

    /** Runs one request body {@code {query, variables}} and returns the response body. */
    @SuppressWarnings("unchecked")
    Map<String, Object> execute(Map<String, Object> body, boolean authenticated) {
        Object query = body.get("query");
        if (!(query instanceof String text) || text.isBlank()) {
            return error(ApiException.INVALID_INPUT, "request body needs a \"query\" string holding a GraphQL document");
        }
        Object variables = body.get("variables");
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(text)
                .variables(variables instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of())
                .graphQLContext(Map.of(Wiring.AUTHENTICATED, authenticated))
                .build();
        ExecutionResult result = graphql.execute(input);
        if (result.getErrors().isEmpty()) {
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("data", result.getData());
            return ok;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            errors.add(Map.of("message", describe(error)));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("data", null);
        response.put("errors", errors);
        return response;
    }

    static Map<String, Object> error(int code, String message) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("data", null);
        response.put("errors", List.of(Map.of("message", message(code, message))));
        return response;
    }

    private static Map<String, Object> describe(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable cause = fetching.getException();
            while (cause.getCause() != null && !(cause instanceof ApiException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ApiException api) {
                return message(api.code(), api.getMessage());
            }
            return message(500, "internal error in " + fetching.getPath() + ": " + cause);
        }
        String kind = error.getErrorType() == null ? "error" : error.getErrorType().toString();
        String where = error.getLocations() == null || error.getLocations().isEmpty() ? ""
                : " at line " + error.getLocations().get(0).getLine() + ", column " + error.getLocations().get(0).getColumn();
        return message(ApiException.INVALID_INPUT, "GraphQL " + kind + where + ": " + error.getMessage());
    }

    private static Map<String, Object> message(int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        m.put("data", null);
        return m;
    }
}
