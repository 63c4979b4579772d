package io.dirsync.sandbox;

import java.util.Random;

/** Picks, with a seeded random, which calls fail and how: an HTTP 5xx or a dropped connection. */
final class FaultInjector {
    enum Kind { NONE, HTTP_500, HTTP_502, HTTP_503, DROP }

    /** A fault; {@code afterApplying} means the call is carried out first and only its answer is lost. */
    record Fault(Kind kind, boolean afterApplying) {
        static final Fault NONE = new Fault(Kind.NONE, false);

        int status() {
            return switch (kind) {
                case HTTP_500 -> 500;
                case HTTP_502 -> 502;
                case HTTP_503 -> 503;
                default -> 0;
            };
        }
    }

    private final double rate;
    private final Random random;

    FaultInjector(double rate, Random random) {
        this.rate = rate;
        this.random = random;
    }

    synchronized Fault next() {
        if (rate <= 0 || random.nextDouble() >= rate) {
            return Fault.NONE;
        }
        Kind kind = Kind.values()[1 + random.nextInt(Kind.values().length - 1)];
        return new Fault(kind, random.nextBoolean());
    }
}
