package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a v3 request signature as the server side of authing-node-sdk 4.0.1's
 * {@code buildSignature}: {@code authorization: authing <accessKeyId>:<base64 HMAC-SHA1>} over the
 * method, the sorted {@code date} / {@code x-authing-*} headers and the path with the sorted,
 * unencoded parameters (GET: the query, {@code key[]} regrouped into JSON arrays; POST: the body's
 * top-level keys, nested values re-serialised as {@code JSON.stringify} writes them).
 */
final class SignatureCheck {
    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

    private final String accessKeyId;
    private final String secret;
    private final Clock clock;

    SignatureCheck(String accessKeyId, String secret, Clock clock) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.clock = clock;
    }

    /** Throws a 401 {@link V3Error} saying what is wrong, unless the request is signed with the pool's key. */
    void verify(String method, String path, String rawQuery, Map<String, String> headers, JsonNode body) {
        String auth = headers.get("authorization");
        if (auth == null || !auth.startsWith("authing ") || auth.indexOf(':') < 0) {
            throw unauthorized("missing or malformed authorization header: send 'authing <accessKeyId>:<signature>'");
        }
        String credential = auth.substring("authing ".length()).trim();
        int colon = credential.indexOf(':');
        String keyId = credential.substring(0, colon);
        String signature = credential.substring(colon + 1);
        if (!keyId.equals(accessKeyId)) {
            throw unauthorized("unknown accessKeyId " + keyId);
        }
        if (!"HMAC-SHA1".equals(headers.get("x-authing-signature-method"))
                || !"1.0".equals(headers.get("x-authing-signature-version"))) {
            throw unauthorized("x-authing-signature-method must be HMAC-SHA1 and x-authing-signature-version 1.0");
        }
        checkDate(headers.get("date"));
        String expected = sign(stringToSign(method, path, headers, params(method, rawQuery, body)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("signature mismatch: the request was not signed with the secret of " + keyId);
        }
    }

    static String stringToSign(String method, String path, Map<String, String> headers, Map<String, String> params) {
        StringBuilder s = new StringBuilder(method).append('\n');
        Map<String, String> signed = new TreeMap<>();
        headers.forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (name.equals("date") || name.startsWith("x-authing-")) {
                signed.put(name, v.replaceAll("[\t\n\r\f]", " ").trim());
            }
        });
        signed.forEach((k, v) -> s.append(k).append(':').append(v).append('\n'));
        s.append(path);
        if (!params.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            new TreeMap<>(params).forEach((k, v) -> pairs.add(k + "=" + v));
            s.append('?').append(String.join("&", pairs));
        }
        return s.toString();
    }

    /** The signed parameters: GET query (decoded, {@code key[]} as a JSON array) or the POST body's top-level keys. */
    static Map<String, String> params(String method, String rawQuery, JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (method.equals("GET")) {
            Map<String, ArrayNode> arrays = new LinkedHashMap<>();
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (name.endsWith("[]")) {
                        arrays.computeIfAbsent(name.substring(0, name.length() - 2), k -> JsonNodeFactory.instance.arrayNode())
                                .add(value);
                    } else {
                        out.put(name, value);
                    }
                }
            }
            arrays.forEach((k, v) -> out.put(k, JsText.param(v)));
            return out;
        }
        if (body != null && body.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), JsText.param(e.getValue()));
            }
        }
        return out;
    }

    private void checkDate(String date) {
        if (date == null) {
            throw unauthorized("missing date header");
        }
        Instant at;
        try {
            at = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw unauthorized("date header is not an HTTP date: " + date);
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(CLOCK_SKEW) > 0) {
            throw unauthorized("date header " + date + " is more than 15 minutes from the server's clock");
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    private static V3Error unauthorized(String message) {
        return new V3Error(401, 401, message);
    }
}
