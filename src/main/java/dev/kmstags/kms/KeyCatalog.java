package dev.kmstags.kms;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The keys of one connection and region. */
public interface KeyCatalog {

    /**
     * Lists every key, handing keys, then their aliases and tags, to {@code listener} as they arrive, so a caller
     * can show the first keys long before the last of thousands are described. Blocks until every key has been
     * handed over with its tags. The listener is called on the calling thread, one call after another, a few
     * times a second at most. Keys KMS will not describe, or whose tags it will not list, to these credentials
     * are handed over all the same, marked so ({@link KeySummary#described()}, {@link KeyTags#denied()}); when it
     * will not list the aliases, the keys come without them ({@link Listener#aliasesDenied()}).
     *
     * @return how many keys were handed over
     * @throws KmsAccessException when KMS cannot be reached or refuses the listing; its message is a sentence for
     *                            the user
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
     */
    int listKeys(Listener listener);

    /**
     * This catalog, with every call of a listing (each DescribeKey and ListResourceTags, and each page of ListKeys
     * and ListAliases) held at {@code gate} before it starts: a caller that shows the keys as they come may hold
     * calls back while it is behind, so they leave it the CPU. By default calls wait for nothing.
     */
    default KeyCatalog withCallGate(CallGate gate) {
        return this;
    }

    /** Where each call of a listing waits before it starts, on the listing's threads. */
    @FunctionalInterface
    interface CallGate {

        /** Lets every call start at once. */
        CallGate OPEN = () -> { };

        /** Returns when the next call may start; may wait a moment. */
        void awaitOpen() throws InterruptedException;
    }

    /**
     * What a listing hands over: keys as they are described, with their aliases ({@link #accept}) or, while the
     * aliases are still being listed, without ({@link #acceptBeforeAliases}, followed by {@link #aliasesArrived}
     * once); then the keys' tags.
     */
    interface Listener extends Consumer<List<KeySummary>> {

        /** Keys described (or refused) since the last call, with their aliases. */
        @Override
        void accept(List<KeySummary> keys);

        /**
         * Whether this listener takes keys before their aliases are listed ({@link #acceptBeforeAliases} and
         * {@link #aliasesArrived}); by default it does not, and every key it gets carries its aliases.
         */
        default boolean takesKeysBeforeAliases() {
            return false;
        }

        /**
         * Keys described (or refused) since the last call, before the aliases were listed: their aliases are empty
         * here and follow with {@link #aliasesArrived}. Called only when {@link #takesKeysBeforeAliases()}.
         */
        default void acceptBeforeAliases(List<KeySummary> keys) {
            accept(keys);
        }

        /** The aliases of every key, by key ID (keys without an alias are absent); after the keys before them. */
        default void aliasesArrived(Map<String, List<String>> aliasesByKeyId) {
        }

        /**
         * KMS refused to list the aliases to these credentials (kms:ListAliases): keys handed over before come
         * without them for good, and those after carry none. Called instead of {@link #aliasesArrived}; by default
         * it is taken as no key having an alias.
         */
        default void aliasesDenied() {
            aliasesArrived(Map.of());
        }

        /** The tags of keys handed over earlier, read since the last call. */
        default void tagsArrived(List<KeyTags> tags) {
        }

        /** A listing of several regions: it starts reading {@code regions}, all at the same time. */
        default void regionsStarted(List<String> regions) {
        }

        /** A listing of several regions: every key of {@code region} was handed over, {@code keys} of them. */
        default void regionLoaded(String region, int keys) {
        }

        /**
         * A listing of several regions: {@code region} could not be read (not enabled for the account, denied,
         * unreachable) for {@code failure}'s reason; the other regions are read all the same.
         */
        default void regionFailed(String region, KmsAccessException failure) {
        }

    }
}
