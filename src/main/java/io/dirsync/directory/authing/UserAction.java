package io.dirsync.directory.authing;

/** One audit-log entry of {@code listUserActions}, in the SDK's camelCase form. */
public record UserAction(
    String userpoolId,
    String userId,
    String username,
    String cityName,
    String regionName,
    String clientIp,
    String operationDesc,
    String operationName,
    String timestamp,
    String appId,
    String appName) {}
