-- One run per job at a time, across processes and machines: a run holds its job's row and renews
-- the lease while it runs. A row whose lease has passed, or whose holder process on this host is
-- gone, may be taken over by the next run (which marks the dead run's row ABANDONED).
CREATE TABLE job_locks (
  job          VARCHAR(200) NOT NULL,
  token        VARCHAR(64)  NOT NULL,
  host         VARCHAR(255) NOT NULL,
  pid          BIGINT       NOT NULL,
  process_start VARCHAR(64),
  acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_until  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT job_locks_pk PRIMARY KEY (job)
);
