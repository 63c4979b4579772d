package io.dirsync.schedule;

import java.time.Instant;

/**
 * One firing of a job's trigger.
 *
 * @param job the job name
 * @param scheduledAt when the trigger was due (the same on every cluster node; identifies the firing)
 * @param firedAt when it actually fired (later than scheduledAt after a misfire)
 * @param instanceId the scheduler instance that runs it
 */
public record JobFiring(String job, Instant scheduledAt, Instant firedAt, String instanceId) {}
