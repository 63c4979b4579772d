package io.dirsync.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Issues and checks HS256 JWTs signed with a key only this server knows. Thread-safe. */
final class TokenService {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key;
    private final Clock clock;

    TokenService(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    /** A signed token: {@code {sub, iat, exp, data}}. */
    Issued issue(String subject, Duration ttl, Map<String, Object> data) {
        long iat = clock.instant().getEpochSecond();
        long exp = iat + ttl.toSeconds();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("data", data);
        String body = HEADER + "." + B64.encodeToString(Json.bytes(claims));
        return new Issued(body + "." + B64.encodeToString(sign(body)), iat, exp);
    }

    /** The claims of a token this server issued that has not expired; empty otherwise. */
    Optional<Map<String, Object>> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        if (last < 0 || token.indexOf('.') == last) {
            return Optional.empty();
        }
        try {
            byte[] given = B64D.decode(token.substring(last + 1));
            if (!MessageDigest.isEqual(given, sign(token.substring(0, last)))) {
                return Optional.empty();
            }
            String payload = token.substring(token.indexOf('.') + 1, last);
            Map<String, Object> claims = Json.object(B64D.decode(payload));
            Object exp = claims.get("exp");
            if (!(exp instanceof Number n) || n.longValue() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (IllegalArgumentException | ApiException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    record Issued(String token, long iat, long exp) {
    }
}
