package io.dirsync.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Turns an incoming (encrypted) password into what is stored: a salted hash, or the value kept as given. */
final class Passwords {
    private final PoolKeys keys;
    private final SecureRandom random = new SecureRandom();

    Passwords(PoolKeys keys) {
        this.keys = keys;
    }

    /** The value to store for an RSA-encrypted password; never the plain text unless kept on purpose. */
    String stored(String encrypted, boolean keepPassword) {
        return fromPlain(keys.decrypt(encrypted), keepPassword);
    }

    /** The value to store for a password sent in clear (the v3 API's default); kept as given when asked. */
    String fromPlain(String plain, boolean keepPassword) {
        if (keepPassword) {
            return plain;
        }
        if (plain.length() < 6) {
            throw new ApiException(2029, "password is shorter than 6 characters");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return "sha256$" + HexFormat.of().formatHex(salt) + "$" + HexFormat.of().formatHex(hash(salt, plain));
    }

    private static byte[] hash(byte[] salt, String plain) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(plain.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
