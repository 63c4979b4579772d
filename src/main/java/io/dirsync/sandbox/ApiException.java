package io.dirsync.sandbox;

/**
 * A business error as Authing reports it: a numeric code and a message naming what is wrong.
 * GraphQL answers it inside {@code errors[].message}; REST answers it as the envelope's code.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final int INVALID_INPUT = 400;
    static final int NO_PERMISSION = 1001;
    static final int NOT_FOUND = 2004;
    static final int NOT_LOGGED_IN = 2020;
    static final int USER_EXISTS = 2026;
    static final int NEED_IDENTIFIER = 2028;
    static final int BATCH_TOO_LARGE = 2030;
    static final int USERNAME_EXISTS = 2034;
    static final int PHONE_EXISTS = 2035;
    static final int RESOURCE_NOT_FOUND = 2404;
    static final int RESOURCE_EXISTS = 2409;

    private final int code;

    ApiException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    static ApiException invalid(String message) {
        return new ApiException(INVALID_INPUT, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(RESOURCE_NOT_FOUND, message);
    }

    static ApiException exists(String message) {
        return new ApiException(RESOURCE_EXISTS, message);
    }
}
