package io.dirsync.directory.fake;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryContract;

/** The in-memory fake passes the same contract as the Authing adapter, so it cannot drift from it. */
class InMemoryDirectoryContractTest extends DirectoryContract {

  @Override
  protected Directory directory() {
    return new InMemoryDirectory();
  }
}
