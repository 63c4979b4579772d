-- How plans and reports name a managed user after it has left the source (and is blocked or
-- deleted): its username, email and source DN as dirsync last mapped them. NULL for rows written
-- before this version until the user's next sync.
ALTER TABLE managed_users ADD COLUMN username VARCHAR(1024);
ALTER TABLE managed_users ADD COLUMN email VARCHAR(1024);
ALTER TABLE managed_users ADD COLUMN source_dn VARCHAR(4000);
