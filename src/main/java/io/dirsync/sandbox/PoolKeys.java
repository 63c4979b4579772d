package io.dirsync.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The pool's RSA-2048 key pair: the public half is served at {@code /api/v2/.well-known}, the
 * private half decrypts passwords (RSA PKCS#1 v1.5, Base64). Persisted as a PKCS#8 PEM file in
 * the data directory so that clients caching the public key keep working across restarts.
 */
final class PoolKeys {
    static final String FILE = "pool-key.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private PoolKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static PoolKeys loadOrCreate(Path dir) {
        try {
            if (dir != null && Files.exists(dir.resolve(FILE))) {
                return load(Files.readString(dir.resolve(FILE), StandardCharsets.US_ASCII));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            if (dir != null) {
                Path tmp = dir.resolve(FILE + ".tmp");
                Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return new PoolKeys(pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw Json.unchecked("cannot read or write the pool key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create or load the pool's RSA key: " + e.getMessage(), e);
        }
    }

    private static PoolKeys load(String pemText) throws GeneralSecurityException {
        String base64 = pemText.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        PublicKey pub = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new PoolKeys(key, pub);
    }

    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** Decrypts a Base64 RSA-PKCS#1-v1.5 ciphertext; {@link ApiException} when it is not one. */
    String decrypt(String base64) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.DECRYPT_MODE, privateKey);
            return new String(cipher.doFinal(Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw ApiException.invalid("password must be RSA-PKCS#1-v1.5-encrypted with the public key of "
                    + "/api/v2/.well-known and Base64-encoded; it could not be decrypted");
        }
    }

    /** A signing key for management tokens, stable for a given data directory and secret. */
    byte[] tokenKey(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(privateKey.getEncoded());
            digest.update(secret.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
