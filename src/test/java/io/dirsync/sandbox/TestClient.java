package io.dirsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small HTTP client for tests: GraphQL and REST calls against a running sandbox. */
final class TestClient {
    private static final MediaType JSON = MediaType.get("application/json");

    final ObjectMapper mapper = new ObjectMapper();
    final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .callTimeout(10, TimeUnit.SECONDS).build();
    private final SandboxServer server;
    private String token;

    TestClient(SandboxServer server) {
        this.server = server;
    }

    String url(String path) {
        return server.baseUri() + path;
    }

    String token() {
        if (token == null) {
            JsonNode response = graphqlWith(null, Docs.ACCESS_TOKEN, Map.of(
                    "userPoolId", server.options().userPoolId(), "secret", server.options().secret()));
            assertThat(response.path("errors").isMissingNode()).as("accessToken errors: %s", response).isTrue();
            token = response.path("data").path("accessToken").path("accessToken").asText();
        }
        return token;
    }

    void forgetToken() {
        token = null;
    }

    /** The whole GraphQL response body, sent with the given token (none when null). */
    JsonNode graphqlWith(String bearer, String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        Request.Builder request = new Request.Builder().url(url("/graphql/v2")).post(RequestBody.create(bytes(body), JSON));
        if (bearer != null) {
            request.header("authorization", "Bearer " + bearer);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            assertThat(response.code()).as("HTTP status of GraphQL").isEqualTo(200);
            return mapper.readTree(response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode graphql(String query, Map<String, ?> variables) {
        return graphqlWith(token(), query, variables);
    }

    /** {@code data}, asserting there were no errors. */
    JsonNode data(String query, Map<String, ?> variables) {
        JsonNode response = graphql(query, variables);
        assertThat(response.has("errors")).as("unexpected errors: %s", response.path("errors")).isFalse();
        return response.path("data");
    }

    /** {@code errors[0].message.code}, asserting the Authing error shape. */
    int errorCode(JsonNode response) {
        assertThat(response.path("data").isNull()).as("data of an error: %s", response).isTrue();
        JsonNode message = response.path("errors").path(0).path("message");
        assertThat(message.isObject()).as("error message must be an object: %s", response).isTrue();
        assertThat(message.path("message").asText()).isNotBlank();
        return message.path("code").asInt();
    }

    int errorCode(String query, Map<String, ?> variables) {
        return errorCode(graphql(query, variables));
    }

    JsonNode rest(String method, String path, Object body) {
        return restWith(token(), method, path, body);
    }

    JsonNode restWith(String bearer, String method, String path, Object body) {
        Request.Builder request = new Request.Builder().url(url(path))
                .method(method, body == null ? null : RequestBody.create(bytes(body), JSON));
        if (bearer != null) {
            request.header("authorization", "Bearer " + bearer);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            assertThat(response.code()).as("HTTP status of %s %s", method, path).isEqualTo(200);
            return mapper.readTree(response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encrypts like the SDK: RSA PKCS#1 v1.5 with the key from /.well-known, Base64. */
    String encrypt(String password) {
        try {
            String pem = rest("GET", "/api/v2/.well-known", null).path("data").path("publicKey").asText();
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return Base64.getEncoder().encodeToString(cipher.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a user from field/value pairs and returns it. */
    JsonNode createUser(Object... fieldsAndValues) {
        Map<String, Object> info = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            info.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return data(Docs.CREATE_USER, Map.of("userInfo", info, "keepPassword", false,
                "resetPasswordOnFirstLogin", false)).path("createUser");
    }

    byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
