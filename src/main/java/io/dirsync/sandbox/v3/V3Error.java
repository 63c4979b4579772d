package io.dirsync.sandbox.v3;

/** A refused v3 call: the envelope's {@code statusCode}, {@code apiCode} and message. */
final class V3Error extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final int apiCode;

    V3Error(int statusCode, int apiCode, String message) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.apiCode = apiCode;
    }

    int statusCode() {
        return statusCode;
    }

    int apiCode() {
        return apiCode;
    }

    static V3Error invalid(String message) {
        return new V3Error(400, 400, message);
    }

    static V3Error notFound(String message) {
        return new V3Error(404, 2004, message);
    }

    /** The store's v2 business code as v3 reports it. */
    static V3Error fromStore(int code, String message) {
        return switch (code) {
            case 2004, 2404 -> new V3Error(404, code, message);
            case 1001 -> new V3Error(403, code, message);
            default -> new V3Error(400, code, message);
        };
    }
}
