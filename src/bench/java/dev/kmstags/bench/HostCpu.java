package dev.kmstags.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole machine's busy CPU time, from Linux's {@code /proc/stat}, so a run can tell how much of the CPU other
 * processes (another build, say) took while it measured: on 2 cores that changes every figure.
 */
final class HostCpu {

    /** Linux reports {@code /proc/stat} in USER_HZ ticks, 100 per second on every mainstream kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private HostCpu() {
    }

    /** Busy CPU time of all cores so far (user, nice, system, irq, softirq, steal), in ns; -1 when unknown. */
    static long busyNanos() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long busy = 0;
                    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                        busy += Long.parseLong(f[i]);
                    }
                    return busy * NANOS_PER_TICK;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /**
     * Waits until the machine is quiet: until a {@code window} in which all processes together kept less than
     * {@code maxBusyPercent} of all cores busy, for at most {@code limit}. Call it while the server under test is
     * idle. Returns the busy share of the last window (percent), or -1 when the OS does not say.
     */
    static double awaitQuiet(double maxBusyPercent, Duration window, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        double busy;
        do {
            long before = busyNanos();
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            long after = busyNanos();
            if (before < 0 || after < 0) {
                return -1;
            }
            busy = 100.0 * (after - before) / ((System.nanoTime() - start)
                    * (double) Runtime.getRuntime().availableProcessors());
        } while (busy >= maxBusyPercent && System.nanoTime() < deadline);
        return busy;
    }

    /** The 1-minute load average, or -1 when unknown. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
