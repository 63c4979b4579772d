package io.dirsync.directory.scim;

/** Every feature offered: PATCH, bulk, ETags, filter pages of 200. */
class ScimDirectoryContractTest extends ScimContractBase {
  @Override
  ScimServerOptions options() {
    return ScimServerOptions.defaults();
  }
}
