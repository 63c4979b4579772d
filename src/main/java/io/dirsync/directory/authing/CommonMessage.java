package io.dirsync.directory.authing;

/** Authing's plain acknowledgement: code 200 means success. */
public record CommonMessage(int code, String message) {}
