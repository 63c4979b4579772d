package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The v3 request signature, as authing-node-sdk 4.0.1 computes it: HMAC-SHA1 with the access key
 * secret over the method, the sorted {@code date} and {@code x-authing-*} headers, and the path with
 * the parameters (GET query, or the POST body's top-level keys) sorted and unencoded.
 */
final class Signer {
  private final String accessKeyId;
  private final SecretKeySpec key;

  Signer(String accessKeyId, String accessKeySecret) {
    this.accessKeyId = accessKeyId;
    this.key = new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
  }

  /** The {@code authorization} header value. {@code params} is the GET query or the POST body object. */
  String authorization(String method, String path, Map<String, String> signedHeaders, JsonNode params) {
    return "authing " + accessKeyId + ":" + sign(stringToSign(method, path, signedHeaders, params));
  }

  static String stringToSign(String method, String path, Map<String, String> headers, JsonNode params) {
    StringBuilder s = new StringBuilder(method).append('\n');
    SortedMap<String, String> sorted = new TreeMap<>();
    headers.forEach((k, v) -> {
      String name = k.toLowerCase(java.util.Locale.ROOT);
      if (name.startsWith("x-authing-") || name.equals("date")) sorted.put(name, v);
    });
    sorted.forEach((k, v) -> s.append(k).append(':').append(v.replaceAll("[\t\n\r\f]", " ").trim()).append('\n'));
    s.append(path);
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) keys.add(it.next());
    if (keys.isEmpty()) return s.toString();
    keys.sort(null);
    List<String> pairs = new ArrayList<>();
    for (String k : keys) pairs.add(k + "=" + JsJson.signed(params.get(k)));
    return s.append('?').append(String.join("&", pairs)).toString();
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available: " + e.getMessage(), e);
    }
  }
}
