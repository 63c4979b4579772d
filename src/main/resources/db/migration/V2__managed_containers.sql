-- Groups, roles and departments each job manages (they came from its source), so that one which
-- leaves the source has its managed memberships revoked. kind: group | role | department;
-- namespace is the role's namespace ('' for groups and departments).
CREATE TABLE managed_containers (
  job        VARCHAR(200)  NOT NULL,
  kind       VARCHAR(16)   NOT NULL,
  namespace  VARCHAR(200)  NOT NULL,
  code       VARCHAR(1024) NOT NULL,
  CONSTRAINT managed_containers_pk PRIMARY KEY (job, kind, namespace, code)
);
