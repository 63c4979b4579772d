package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;

/**
 * Encrypts passwords for transport with the pool's RSA public key (fetched once from
 * {@code /api/v2/.well-known}, then cached): RSA PKCS#1 v1.5, Base64, as the official SDK does.
 * Thread-safe.
 */
final class PasswordCipher {
  static final String ROUTE = "GET /api/v2/.well-known";

  private final Transport transport;
  private volatile PublicKey key;

  PasswordCipher(Transport transport) {
    this.transport = transport;
  }

  String encrypt(String password) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      cipher.init(Cipher.ENCRYPT_MODE, key());
      return Base64.getEncoder().encodeToString(cipher.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // Never include the password; the cause names only the algorithm problem.
      throw Errors.invalid("password encryption", "cannot encrypt the password with the pool's public key (" + e.getClass().getSimpleName() + ")");
    }
  }

  private PublicKey key() {
    PublicKey k = key;
    if (k != null) return k;
    synchronized (this) {
      if (key == null) key = fetch();
      return key;
    }
  }

  private PublicKey fetch() {
    JsonNode data = transport.rest(ROUTE, "GET", "/api/v2/.well-known", Map.of(), null);
    String pem = data.path("publicKey").asText("");
    String base64 = pem.replaceAll("-----(BEGIN|END) (RSA )?PUBLIC KEY-----", "").replaceAll("\\s", "");
    if (base64.isEmpty()) throw transport.errors().malformed(ROUTE, 200, "no publicKey in the answer");
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw transport.errors().malformed(ROUTE, 200, "the publicKey is not an RSA public key in PEM form");
    }
  }
}
