package io.dirsync.directory.authing;

/** Whether a user is logged in; {@code user} may be null. */
public record LoginStatus(boolean isLogin, User user) {}
