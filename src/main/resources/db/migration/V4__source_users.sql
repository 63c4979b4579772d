-- Delta sync: what the job's last applied run knew of each user entry of its source, so that a run
-- reading only changes can tell which user a deletion names (source_key: objectGUID / entryUUID),
-- whose group membership changed in the source (groups_digest, over the keys of the groups that
-- contain the entry), and which memberships dirsync last applied to it (memberships, text). Written
-- only after a run applied everything; replaced whole by a full run.
CREATE TABLE source_users (
  job           VARCHAR(200)  NOT NULL,
  source_key    VARCHAR(255)  NOT NULL,
  dn            VARCHAR(2048) NOT NULL,
  external_id   VARCHAR(1024),
  groups_digest VARCHAR(64)   NOT NULL,
  memberships   TEXT,
  CONSTRAINT source_users_pk PRIMARY KEY (job, source_key)
);
