package io.dirsync.sandbox;

import java.util.Random;

/** Picks, with a seeded random, which calls are refused the way Authing throttles: HTTP 200, body code 429. */
final class Throttle {
    static final int CODE = 429;

    private final double rate;
    private final Random random;

    Throttle(double rate, Random random) {
        this.rate = rate;
        this.random = random;
    }

    synchronized boolean next() {
        return rate > 0 && random.nextDouble() < rate;
    }

    static String message() {
        return "too many requests: the user pool's request rate is exceeded, try again later (sandbox throttle)";
    }
}
