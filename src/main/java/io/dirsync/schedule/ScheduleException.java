package io.dirsync.schedule;

/** The scheduler could not start, schedule or stop (job store unreachable, bad trigger). */
public class ScheduleException extends RuntimeException {
  public ScheduleException(String message, Throwable cause) {
    super(message, cause);
  }
}
