package io.dirsync.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import java.util.stream.Collectors;
import javax.management.openmbean.CompositeData;

/**
 * Heap use: a GC and a peak reset before a run; after it, the sum of the pools' peaks (what the
 * heap grew to, garbage included) and the most heap still in use right after a collection (the
 * live set), from GC notifications.
 */
final class Heap {
  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
  private static final AtomicBoolean LISTENING = new AtomicBoolean();
  private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

  private Heap() {}

  /** The largest heap use seen just after a collection since the last {@link #resetPeaks()}. */
  static long maxAfterGc() {
    return MAX_AFTER_GC.get();
  }

  private static void listen() {
    if (!LISTENING.compareAndSet(false, true)) return;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        MAX_AFTER_GC.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }

  /** Collects garbage, resets the pools' peaks and returns the heap in use afterwards. */
  static long resetPeaks() {
    listen();
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != MemoryType.HEAP) continue;
      pool.resetPeakUsage();
      used += pool.getUsage().getUsed();
    }
    MAX_AFTER_GC.set(used);
    return used;
  }

  /**
   * The sum of the heap pools' peaks since the last reset. The pools peak at different moments, so
   * this is an upper bound on the heap ever in use at once.
   */
  static long peak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }

  /** Collects garbage and returns the heap still in use: the live set at this moment. */
  static long liveNow() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) used += pool.getUsage().getUsed();
    }
    return used;
  }

  /** Milliseconds all collectors have spent collecting since the JVM started. */
  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  static long max() {
    return Runtime.getRuntime().maxMemory();
  }
}
