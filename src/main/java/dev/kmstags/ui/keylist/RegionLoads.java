package dev.kmstags.ui.keylist;

import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.ui.common.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where the reading of each region stands while the key list shows several regions ("All regions"): read, being
 * read, or not read and why (a region the account has not enabled, denied, unreachable). Said in a summary line and
 * one line per region; a region that fails is listed here, never in an error dialog. UI thread only.
 */
public final class RegionLoads {

    /** Where one region stands. */
    public enum State {
        READING,
        READ,
        NOT_READ
    }

    /** One region: where it stands, its keys once read, and why it was not read. */
    public record RegionLoad(String region, State state, int keys, String reason) {
    }

    private final Messages messages;
    private final Map<String, RegionLoad> loads = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper several = new ReadOnlyBooleanWrapper(this, "several");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");

    RegionLoads(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** A listing of one region starts: nothing to say. */
    void clear() {
        loads.clear();
        several.set(false);
        update();
    }

    void started(List<String> regions) {
        loads.clear();
        regions.forEach(region -> loads.put(region, new RegionLoad(region, State.READING, 0, "")));
        several.set(true);
        update();
    }

    void loaded(String region, int keys) {
        loads.put(region, new RegionLoad(region, State.READ, keys, ""));
        update();
    }

    void failed(String region, KmsAccessException failure) {
        String reason = failure.getMessage();
        if (failure.problem() == KmsProblem.INVALID_CREDENTIALS) {
            reason = messages.format("regions.notEnabled", reason);
        }
        loads.put(region, new RegionLoad(region, State.NOT_READ, 0, reason));
        update();
    }

    /** Every region of the listing, in the order it was asked for. */
    public List<RegionLoad> regions() {
        return List.copyOf(loads.values());
    }

    private long count(State state) {
        return loads.values().stream().filter(load -> load.state() == state).count();
    }

    private void update() {
        if (loads.isEmpty()) {
            summary.set("");
            details.set("");
            return;
        }
        long reading = count(State.READING);
        long notRead = count(State.NOT_READ);
        summary.set(messages.format(reading > 0 ? "regions.summary.reading" : "regions.summary.done",
                loads.size(), count(State.READ), notRead, reading, loads.values().stream()
                        .filter(load -> load.state() == State.NOT_READ).map(RegionLoad::region)
                        .collect(Collectors.joining(", "))));
        details.set(loads.values().stream().map(this::line).collect(Collectors.joining("\n")));
    }

    private String line(RegionLoad load) {
        return switch (load.state()) {
            case READING -> messages.format("regions.line.reading", load.region());
            case READ -> messages.format("regions.line.read", load.region(), load.keys());
            case NOT_READ -> messages.format("regions.line.notRead", load.region(), load.reason());
        };
    }

    /** Whether the listing spans several regions, so the list shows a Region column and this summary. */
    public ReadOnlyBooleanProperty severalProperty() {
        return several.getReadOnlyProperty();
    }

    /** "17 regions: 12 read, 1 not read (ap-east-1), 4 being read"; empty for one region. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** One line per region: its keys, that it is being read, or why it was not read. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
