package dev.kmstags.local.protocol;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Runs an {@link HttpHandler} for each Jetty request, on one of the server's worker threads.
 *
 * <p>An answer that closes the connection while the client is still sending a body it was told not to send (one
 * over the size limit) is written first, then the rest of that body is read and thrown away, up to a cap and while
 * it keeps coming. Clients such as Python's {@code http.client} send the whole body before they read anything;
 * closing a socket with unread data makes the OS reset the connection, and such a client would see that reset
 * instead of the answer. A client that asked for {@code 100 Continue} sends no body unless told to, so nothing is
 * read from it.
 *
 * <p>A latency ({@code serve --latency-ms}) stands in for the network between a client and AWS: the answer, ready,
 * is sent once it has passed, by the scheduler, so the wait holds no worker thread. Sleeping in the worker made the
 * delay cap how many requests were served at once (a few dozen threads, each asleep), which no network does.
 */
final class ExchangeAdapter extends Handler.Abstract {

    /** How long the rest of a refused body may pause before the connection is closed all the same. */
    private static final long DRAIN_IDLE_MS = 1_000;

    private final HttpHandler handler;
    private final int maxDrainBytes;
    private final long latencyMs;
    private final Scheduler scheduler;

    /**
     * @param latencyMs how long after it is ready each answer is sent; 0 for at once
     * @param scheduler sends the delayed answers
     */
    ExchangeAdapter(HttpHandler handler, int maxDrainBytes, long latencyMs, Scheduler scheduler) {
        super(InvocationType.BLOCKING);
        this.handler = handler;
        this.maxDrainBytes = maxDrainBytes;
        this.latencyMs = latencyMs;
        this.scheduler = scheduler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        JettyExchange exchange = new JettyExchange(request);
        if (handler instanceof AsyncExchangeHandler later) {
            // Sent by whichever thread completes the answer: this one, or the one that commits its write.
            later.handleAsync(exchange).whenComplete((done, failure) -> {
                try {
                    if (failure != null) {
                        callback.failed(failure);
                    } else {
                        send(request, response, callback, exchange);
                    }
                } catch (Exception | Error e) {
                    callback.failed(e);
                }
            });
            return true;
        }
        handler.handle(exchange);
        send(request, response, callback, exchange);
        return true;
    }

    private void send(Request request, Response response, Callback callback, JettyExchange exchange)
            throws Exception {
        if (!exchange.closesConnection() || exchange.expectsContinue() || maxDrainBytes == 0) {
            if (latencyMs > 0) {
                scheduler.schedule(() -> exchange.answer(response, callback), latencyMs, TimeUnit.MILLISECONDS);
            } else {
                exchange.answer(response, callback);
            }
            return;
        }
        // A refused body is rare: its answer waits in the worker, which then drains the body.
        if (latencyMs > 0) {
            Thread.sleep(latencyMs);
        }
        try (Blocker.Callback written = Blocker.callback()) {
            exchange.answer(response, written);
            written.block();
        }
        drain(request, exchange.getRequestBody());
        callback.succeeded();
    }

    private void drain(Request request, InputStream body) {
        request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(DRAIN_IDLE_MS);
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        try {
            for (int read = body.read(buffer); read >= 0 && drained <= maxDrainBytes; read = body.read(buffer)) {
                drained += read;
            }
        } catch (IOException | RuntimeException e) {
            // The client stopped sending or went away: the connection is closed either way.
        }
    }
}
