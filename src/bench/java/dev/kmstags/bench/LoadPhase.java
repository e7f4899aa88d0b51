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
 * of pre-signed requests back to back. A warm-up, then a measured window; every latency of the window is kept. Or
 * several servers by turns, in short windows each ({@link #interleaved}).
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

    /** A server under load: its port, one pool of ready-to-send requests per connection, and its CPU time. */
    record Target(int port, byte[][][] pools, LongSupplier serverCpu) {
    }

    /**
     * One measured window as it was, before it is summed up: every latency, and the CPU each side used in it.
     * CPU figures are in ns, -1 when unknown.
     */
    private record Window(long[] latencies, long requests, long non200, long connects, long nanos,
                          long serverCpu, long clientCpu, long otherCpu, long wall, String firstError) {
    }

    /**
     * @param pools       one pool of ready-to-send requests per connection, cycled through
     * @param serverCpu   the server process's CPU time so far, in ns (or -1)
     */
    static Result run(String operation, int port, byte[][][] pools, Duration warmup, Duration measure,
                      LongSupplier serverCpu) throws InterruptedException {
        return result(operation, pools.length, List.of(window(operation, new Target(port, pools, serverCpu),
                warmup, measure)));
    }

    /**
     * The same load on several servers by turns, in {@code slices} short windows each (each after its own short
     * warm-up): server 1, server 2, ..., server 1, ... One result per server, of all its windows together. A machine
     * whose speed drifts from second to second (a shared host) then slows every server alike, and the ratio of two
     * servers' figures keeps to what the code makes of it.
     */
    static List<Result> interleaved(String operation, List<Target> targets, int slices, Duration sliceWarmup,
                                    Duration sliceMeasure) throws InterruptedException {
        List<List<Window>> windows = new ArrayList<>();
        targets.forEach(target -> windows.add(new ArrayList<>()));
        for (int slice = 0; slice < slices; slice++) {
            for (int i = 0; i < targets.size(); i++) {
                windows.get(i).add(window(operation, targets.get(i), sliceWarmup, sliceMeasure));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            results.add(result(operation, targets.get(i).pools().length, windows.get(i)));
        }
        return results;
    }

    private static Window window(String operation, Target target, Duration warmup, Duration measure)
            throws InterruptedException {
        byte[][][] pools = target.pools();
        int connections = pools.length;
        Worker[] workers = new Worker[connections];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        for (int i = 0; i < connections; i++) {
            workers[i] = new Worker(target.port(), pools[i], ready, go, window);
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
        long serverCpuStart = target.serverCpu().getAsLong();
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
        long serverCpuEnd = target.serverCpu().getAsLong();
        long clientCpuEnd = processCpuNanos();
        long hostBusyEnd = HostCpu.busyNanos();
        long wallEnd = System.nanoTime();
        boolean cpuKnown = hostBusyStart >= 0 && serverCpuStart >= 0 && clientCpuStart >= 0;
        long serverCpu = serverCpuStart < 0 ? -1 : serverCpuEnd - serverCpuStart;
        long clientCpu = clientCpuStart < 0 ? -1 : clientCpuEnd - clientCpuStart;
        // What neither the server nor this load generator used.
        long otherCpu = cpuKnown ? Math.max(0, (hostBusyEnd - hostBusyStart) - serverCpu - clientCpu) : -1;

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
        return new Window(all, total, non200, connects, lastEnd - window[0], serverCpu, clientCpu, otherCpu,
                wallEnd - wallStart, firstError);
    }

    /** The windows summed up: requests over their time, percentiles of all their latencies, CPU per request. */
    private static Result result(String operation, int connections, List<Window> windows) {
        long total = 0;
        long non200 = 0;
        long connects = 0;
        long nanos = 0;
        long serverCpu = 0;
        long clientCpu = 0;
        long otherCpu = 0;
        long wall = 0;
        String firstError = null;
        for (Window w : windows) {
            total += w.requests();
            non200 += w.non200();
            connects += w.connects();
            nanos += w.nanos();
            serverCpu = serverCpu < 0 || w.serverCpu() < 0 ? -1 : serverCpu + w.serverCpu();
            clientCpu = clientCpu < 0 || w.clientCpu() < 0 ? -1 : clientCpu + w.clientCpu();
            otherCpu = otherCpu < 0 || w.otherCpu() < 0 ? -1 : otherCpu + w.otherCpu();
            wall += w.wall();
            if (firstError == null) {
                firstError = w.firstError();
            }
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Window w : windows) {
            System.arraycopy(w.latencies(), 0, all, at, w.latencies().length);
            at += w.latencies().length;
        }
        Arrays.sort(all);
        double seconds = nanos / 1e9;
        double otherCpuPercent = otherCpu < 0 || wall == 0 ? -1
                : 100.0 * otherCpu / ((double) wall * Runtime.getRuntime().availableProcessors());
        return new Result(operation, connections, seconds, total, non200, seconds == 0 ? 0 : total / seconds,
                millis(percentile(all, 0.50)), millis(percentile(all, 0.90)), millis(percentile(all, 0.99)),
                millis(percentile(all, 0.999)), millis(all.length == 0 ? 0 : all[all.length - 1]), connects,
                serverCpu < 0 || total == 0 ? -1 : serverCpu / 1e3 / total,
                clientCpu < 0 || total == 0 ? -1 : clientCpu / 1e3 / total, otherCpuPercent, firstError);
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
