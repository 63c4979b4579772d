package io.dirsync.directory.scim;

/** A server without PATCH: updates and member changes go as GET + PUT with If-Match. */
class ScimWithoutPatchContractTest extends ScimContractBase {
  @Override
  ScimServerOptions options() {
    return ScimServerOptions.defaults().withoutPatch();
  }
}
