package io.dirsync.state;

import java.time.Instant;

/** Who holds a job's lock, as a refused run reports it. */
public record JobLockHolder(String job, String host, long pid, Instant acquiredAt, Instant leaseUntil) {
  public String describe() {
    return "job " + job + " is already running (pid " + pid + " on " + host + ", since " + acquiredAt
        + "; its lease runs to " + leaseUntil + " and is renewed while it runs)";
  }
}
