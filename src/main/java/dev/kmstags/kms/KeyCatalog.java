package dev.kmstags.kms;

import dev.kmstags.domain.KeySummary;
import java.util.List;
import java.util.function.Consumer;

/** The keys of one connection and region. */
public interface KeyCatalog {

    /**
     * Lists every key, handing them to {@code onBatch} a batch at a time as they are described, so a caller can
     * show the first keys long before the last of thousands arrive. Blocks until every key has been handed over;
     * {@code onBatch} is called on the calling thread, one batch after another.
     *
     * @return how many keys were handed over
     * @throws KmsAccessException when KMS cannot be reached or refuses; its message is a sentence for the user
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
     */
    int listKeys(Consumer<List<KeySummary>> onBatch);
}
