package io.dirsync.source.ldap;

import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import io.dirsync.model.EntryKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test): reads every user with {@link LdapSource} and prints entries/s and the
 * peak heap. Run by {@code bench/ldap/run.sh}.
 *
 * <p>Arguments: URL bindDn password usersBaseDn pageSize rounds
 */
public final class LdapReadBench {
  private LdapReadBench() {}

  public static void main(String[] args) {
    String url = args[0];
    LdapSourceConfig config = LdapSourceConfig.ldap(List.of(url), args[1], new Secret(args[2]),
        new Users(args[3], Scope.SUB, "(objectClass=inetOrgPerson)"), null, null).withPageSize(Integer.parseInt(args[4]));
    int rounds = Integer.parseInt(args[5]);
    double best = 0;
    long count = 0;
    for (int round = 1; round <= rounds; round++) {
      resetPeaks();
      long[] n = {0};
      long[] bytes = {0};
      long start = System.nanoTime();
      try (LdapSource source = new LdapSource(config, Map.of())) {
        source.read(EntryKind.USER, e -> {
          n[0]++;
          bytes[0] += e.attributes().size();
        });
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = n[0] / seconds;
      best = Math.max(best, rate);
      count = n[0];
      System.out.printf("dirsync round %d: %d entries in %.2f s = %.0f entries/s, peak heap %.1f MB (max %.0f MB)%n",
          round, n[0], seconds, rate, peakHeapMb(), Runtime.getRuntime().maxMemory() / 1048576.0);
    }
    System.out.printf("dirsync best: %d entries, %.0f entries/s%n", count, best);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }
  }

  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak / 1048576.0;
  }
}
