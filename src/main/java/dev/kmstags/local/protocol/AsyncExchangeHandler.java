package dev.kmstags.local.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.concurrent.CompletionStage;

/**
 * A handler whose answer may be ready only after it returns: a write that waits for its commit does not hold the
 * server's thread. The {@link ExchangeAdapter} sends the answer once the stage completes.
 */
@FunctionalInterface
interface AsyncExchangeHandler extends HttpHandler {

    /** Handles the exchange; the stage completes once its answer is written into the exchange. */
    CompletionStage<Void> handleAsync(HttpExchange exchange);

    /** Handles the exchange and waits for its answer. */
    @Override
    default void handle(HttpExchange exchange) {
        handleAsync(exchange).toCompletableFuture().join();
    }
}
