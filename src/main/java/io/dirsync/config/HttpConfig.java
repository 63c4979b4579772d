package io.dirsync.config;

/** The /health, /metrics and /runs endpoint; loopback by default. Port 0 picks a free port. */
public record HttpConfig(String address, int port) {}
