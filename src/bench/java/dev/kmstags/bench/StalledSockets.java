package dev.kmstags.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a well-behaved client fares while many others stall: {@code sockets} connections each send one byte of a
 * request and nothing more; meanwhile signed ListKeys calls, each on a new connection, are timed from connect to the
 * whole answer. Loopback only; every socket is closed at the end.
 */
final class StalledSockets {

    /** What the calls took while the sockets stalled. */
    record Result(int stalledSockets, int calls, int answered200, double medianMs, double maxMs,
                  double secondsFromFirstStallToLastAnswer) {
    }

    private StalledSockets() {
    }

    static Result run(int port, String region, int sockets, int calls) throws IOException {
        SigV4Signer signer = new SigV4Signer(port, region);
        // Warm the path first, so the figures are about the stalled sockets and not a cold JVM.
        for (int i = 0; i < calls; i++) {
            try (RawHttpConnection connection = new RawHttpConnection(port)) {
                connection.exchange(signer.request("ListKeys", "{\"Limit\":10}"));
            }
        }
        List<Socket> stalled = new ArrayList<>(sockets);
        long firstStall = System.nanoTime();
        try {
            for (int i = 0; i < sockets; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                stalled.add(socket);
                socket.getOutputStream().write('P');
            }
            double[] millis = new double[calls];
            int ok = 0;
            long lastAnswer = 0;
            for (int i = 0; i < calls; i++) {
                byte[] request = signer.request("ListKeys", "{\"Limit\":10}");
                long start = System.nanoTime();
                try (RawHttpConnection connection = new RawHttpConnection(port)) {
                    if (connection.exchange(request) == 200) {
                        ok++;
                    }
                }
                lastAnswer = System.nanoTime();
                millis[i] = (lastAnswer - start) / 1e6;
            }
            Arrays.sort(millis);
            return new Result(sockets, calls, ok, millis[calls / 2], millis[calls - 1],
                    (lastAnswer - firstStall) / 1e9);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
