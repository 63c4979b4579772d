package io.dirsync.directory.scim;

/** A server without bulk and without ETags. */
class ScimWithoutBulkContractTest extends ScimContractBase {
  @Override
  ScimServerOptions options() {
    return ScimServerOptions.defaults().withoutBulk().withoutEtag();
  }
}
