package io.dirsync.directory.scim;

/** A server whose list answers hold at most two resources: look-ups go two ids at a time, listings page. */
class ScimSmallPagesContractTest extends ScimContractBase {
  @Override
  ScimServerOptions options() {
    return ScimServerOptions.defaults().withFilterMaxResults(2);
  }
}
