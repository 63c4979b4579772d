package io.dirsync.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run a sandbox. Use {@link #defaults()} and the {@code with…} methods.
 *
 * @param host          interface to bind, 127.0.0.1 by default
 * @param port          TCP port; 0 picks a free one
 * @param dataDir       directory holding the persistent store; null keeps everything in memory
 * @param userPoolId    the only user pool this sandbox serves (the {@code accessToken} query checks it)
 * @param secret        the pool secret the {@code accessToken} query checks
 * @param rateLimitRps  calls per second allowed before HTTP 429 with {@code Retry-After}; 0 = unlimited
 * @param failRate      share of calls (0..1) answered with 500/502/503 or a dropped connection,
 *                      half of them after the change was applied
 * @param latencyMillis delay added to every call
 * @param seed          seed of the random choice of faulted calls
 * @param tokenTtl      lifetime of management tokens issued by {@code accessToken}
 * @param throttleRate  share of calls (0..1) answered as Authing throttles: HTTP 200 with a body-level
 *                      code 429 in the route's envelope (GraphQL {@code errors[].message.code}, v2 REST
 *                      {@code code}, v3 REST {@code statusCode}); the call is not carried out
 */
public record SandboxOptions(String host, int port, Path dataDir, String userPoolId, String secret,
                             double rateLimitRps, double failRate, long latencyMillis, long seed,
                             Duration tokenTtl, double throttleRate) {

    public static final String DEFAULT_USER_POOL_ID = "demo-pool";
    public static final String DEFAULT_SECRET = "demo-secret";
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofDays(15);

    public SandboxOptions {
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add("host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            problems.add("port must be 0..65535, got " + port);
        }
        if (userPoolId == null || userPoolId.isBlank()) {
            problems.add("userPoolId must not be empty");
        }
        if (secret == null || secret.isEmpty()) {
            problems.add("secret must not be empty");
        }
        if (!(rateLimitRps >= 0) || Double.isInfinite(rateLimitRps)) {
            problems.add("rateLimitRps must be 0 (off) or a positive number, got " + rateLimitRps);
        }
        if (!(failRate >= 0 && failRate <= 1)) {
            problems.add("failRate must be between 0 and 1, got " + failRate);
        }
        if (latencyMillis < 0) {
            problems.add("latencyMillis must not be negative, got " + latencyMillis);
        }
        if (!(throttleRate >= 0 && throttleRate <= 1)) {
            problems.add("throttleRate must be between 0 and 1, got " + throttleRate);
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            problems.add("tokenTtl must be positive, got " + tokenTtl);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid sandbox options: " + String.join("; ", problems));
        }
    }

    /** The options without throttling. */
    public SandboxOptions(String host, int port, Path dataDir, String userPoolId, String secret,
                          double rateLimitRps, double failRate, long latencyMillis, long seed, Duration tokenTtl) {
        this(host, port, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed, tokenTtl, 0);
    }

    /** The options of the brief's signature, with the default token lifetime (15 days). */
    public SandboxOptions(String host, int port, Path dataDir, String userPoolId, String secret,
                          double rateLimitRps, double failRate, long latencyMillis, long seed) {
        this(host, port, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed, DEFAULT_TOKEN_TTL);
    }

    /** 127.0.0.1, a free port, in memory, pool {@code demo-pool} / {@code demo-secret}, no knobs. */
    public static SandboxOptions defaults() {
        return new SandboxOptions("127.0.0.1", 0, null, DEFAULT_USER_POOL_ID, DEFAULT_SECRET, 0, 0, 0, 42L);
    }

    public SandboxOptions withHost(String value) {
        return new SandboxOptions(value, port, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed, tokenTtl, throttleRate);
    }

    public SandboxOptions withPort(int value) {
        return new SandboxOptions(host, value, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed, tokenTtl, throttleRate);
    }

    public SandboxOptions withDataDir(Path value) {
        return new SandboxOptions(host, port, value, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed, tokenTtl, throttleRate);
    }

    public SandboxOptions withCredentials(String pool, String poolSecret) {
        return new SandboxOptions(host, port, dataDir, pool, poolSecret, rateLimitRps, failRate, latencyMillis, seed, tokenTtl, throttleRate);
    }

    public SandboxOptions withRateLimitRps(double value) {
        return new SandboxOptions(host, port, dataDir, userPoolId, secret, value, failRate, latencyMillis, seed, tokenTtl, throttleRate);
    }

    public SandboxOptions withFailRate(double value) {
        return new SandboxOptions(host, port, dataDir, userPoolId, secret, rateLimitRps, value, latencyMillis, seed, tokenTtl, throttleRate);
    }

    public SandboxOptions withLatencyMillis(long value) {
        return new SandboxOptions(host, port, dataDir, userPoolId, secret, rateLimitRps, failRate, value, seed, tokenTtl, throttleRate);
    }

    public SandboxOptions withSeed(long value) {
        return new SandboxOptions(host, port, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, value, tokenTtl, throttleRate);
    }

    public SandboxOptions withTokenTtl(Duration value) {
        return new SandboxOptions(host, port, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed, value, throttleRate);
    }

    public SandboxOptions withThrottleRate(double value) {
        return new SandboxOptions(host, port, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed,
                tokenTtl, value);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SandboxOptions[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", userPoolId=" + userPoolId
                + ", secret=***, rateLimitRps=" + rateLimitRps + ", failRate=" + failRate + ", latencyMillis="
                + latencyMillis + ", seed=" + seed + ", tokenTtl=" + tokenTtl + ", throttleRate=" + throttleRate + "]";
    }
}
