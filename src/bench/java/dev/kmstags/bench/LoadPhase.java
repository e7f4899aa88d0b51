package dev.kmstags.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Closed-loop load: {@code connections} threads, each on its own keep-alive connection, each sending its own pool
 * of pre-signed requests back to back. A warm-up, then a measured window; every latency of the window is kept.
 * Bounded in time (the window) and in count (at most {@link #MAX_SAMPLES_PER_THREAD} per thread).
 */
final class LoadPhase {

    static final int MAX_SAMPLES_PER_THREAD = 1 << 20;
    private static final int MAX_WARMUP_REQUESTS_PER_THREAD = 1 << 22;

    /** What one measured window gave. */
    record Result(String operation, int connections, double seconds, long requests, long non200,
                  double throughput, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                  long connects, double serverCpuMicrosPerRequest, double clientCpuMicrosPerRequest,
                  double otherProcessesCpuPercent, String firstError) {
    }

    private LoadPhase() {
    }

    /**
     * @param pools       one pool of ready-to-send requests per connection, cycled through
     * @param serverCpu   the server process's CPU time so far, in ns (or -1)
     */
    static Result run(String operation, int port, byte[][][] pools, Duration warmup, Duration measure,
                      LongSupplier serverCpu) throws InterruptedException {
        int connections = pools.length;
        Worker[] workers = new Worker[connections];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        for (int i = 0; i < connections; i++) {
            workers[i] = new Worker(port, pools[i], ready, go, window);
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(workers[i], "load-" + operation + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load connections did not open within 30 s");
        }
        long now = System.nanoTime();
        window[0] = now + warmup.toNanos();
        window[1] = window[0] + measure.toNanos();
        go.countDown();
        long sleep = window[0] - System.nanoTime();
        if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
        }
        long serverCpuStart = serverCpu.getAsLong();
        long clientCpuStart = processCpuNanos();
        long hostBusyStart = HostCpu.busyNanos();
        long wallStart = System.nanoTime();
        long joinLimit = measure.toMillis() + 60_000;
        for (Thread thread : threads) {
            thread.join(joinLimit);
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop");
            }
        }
        long serverCpuEnd = serverCpu.getAsLong();
        long clientCpuEnd = processCpuNanos();
        long hostBusyEnd = HostCpu.busyNanos();
        long wallEnd = System.nanoTime();
        // What neither the server nor this load generator used, as a share of all cores' time in the window.
        double otherCpuPercent = hostBusyStart < 0 || serverCpuStart < 0 || clientCpuStart < 0 ? -1
                : Math.max(0, 100.0 * ((hostBusyEnd - hostBusyStart) - (serverCpuEnd - serverCpuStart)
                - (clientCpuEnd - clientCpuStart)) / ((double) (wallEnd - wallStart)
                * Runtime.getRuntime().availableProcessors()));

        long total = 0;
        long non200 = 0;
        long connects = 0;
        long lastEnd = window[0];
        String firstError = null;
        for (Worker worker : workers) {
            total += worker.count;
            non200 += worker.non200;
            connects += worker.measuredConnects;
            lastEnd = Math.max(lastEnd, worker.lastEnd);
            if (firstError == null) {
                firstError = worker.firstError;
            }
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(all);
        double seconds = (lastEnd - window[0]) / 1e9;
        double serverCpuPer = serverCpuStart < 0 || total == 0 ? -1
                : (serverCpuEnd - serverCpuStart) / 1e3 / total;
        double clientCpuPer = clientCpuStart < 0 || total == 0 ? -1
                : (clientCpuEnd - clientCpuStart) / 1e3 / total;
        return new Result(operation, connections, seconds, total, non200, total / seconds,
                millis(percentile(all, 0.50)), millis(percentile(all, 0.90)), millis(percentile(all, 0.99)),
                millis(percentile(all, 0.999)), millis(all.length == 0 ? 0 : all[all.length - 1]), connects,
                serverCpuPer, clientCpuPer, otherCpuPercent, firstError);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** CPU time of this JVM (the load generator), in ns; -1 when unknown. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static final class Worker implements Runnable {

        private final RawHttpConnection connection;
        private final byte[][] pool;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final long[] window;
        final long[] latencies = new long[MAX_SAMPLES_PER_THREAD];
        int count;
        long non200;
        long lastEnd;
        long measuredConnects;
        String firstError;

        Worker(int port, byte[][] pool, CountDownLatch ready, CountDownLatch go, long[] window) {
            this.connection = new RawHttpConnection(port);
            this.pool = pool;
            this.ready = ready;
            this.go = go;
            this.window = window;
        }

        @Override
        public void run() {
            try (connection) {
                try {
                    connection.open();
                } finally {
                    ready.countDown();
                }
                go.await();
                long warmEnd = window[0];
                long measureEnd = window[1];
                int next = 0;
                int warmups = 0;
                while (System.nanoTime() < warmEnd && warmups < MAX_WARMUP_REQUESTS_PER_THREAD) {
                    int status = connection.exchange(pool[next]);
                    next = next + 1 == pool.length ? 0 : next + 1;
                    warmups++;
                    if (status != 200) {
                        non200++;
                        recordError(status);
                    }
                }
                long connectsBefore = connection.connects();
                long started;
                while ((started = System.nanoTime()) < measureEnd && count < latencies.length) {
                    int status = connection.exchange(pool[next]);
                    long ended = System.nanoTime();
                    next = next + 1 == pool.length ? 0 : next + 1;
                    latencies[count++] = ended - started;
                    lastEnd = ended;
                    if (status != 200) {
                        non200++;
                        recordError(status);
                    }
                }
                measuredConnects = connection.connects() - connectsBefore;
            } catch (IOException | RuntimeException e) {
                non200++;
                if (firstError == null) {
                    firstError = e.toString();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void recordError(int status) {
            if (firstError == null) {
                firstError = "HTTP " + status + ": " + connection.body();
            }
        }
    }
}
