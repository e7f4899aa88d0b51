package dev.kmstags.ui.connection;

import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.MultiRegionServices;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.KmsRegions;
import dev.kmstags.profiles.RegionChoice;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ChosenConnection;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connection and Region menus: what they list, which entry is active, and switching, which asks the leave
 * guards of the {@link AppState} first, chooses the connection there and remembers the choice. Also whether the
 * active connection is marked as production, which it sets in the state.
 */
public final class ConnectionsViewModel {

    /** Makes the work that opens a connection in the background; the previous one is closed by then. */
    @FunctionalInterface
    public interface Connector {
        /** The work that opens {@code target} in {@code region}, run off the UI thread. */
        Callable<? extends KmsServices> opener(ConnectionTarget target, String region, AwsSetup setup);

        /**
         * The work that opens {@code target} in every one of {@code regions} (its own region first), run off the UI
         * thread. By default each region is opened as {@link #opener} opens one, when it is first read.
         */
        default Callable<? extends KmsServices> allRegionsOpener(ConnectionTarget target, List<String> regions,
                                                                AwsSetup setup) {
            return () -> new MultiRegionServices(regions, region -> {
                try {
                    return opener(target, region, setup).call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** What the preferences remember as the region of a connection last shown in all regions. */
    private static final String ALL_REGIONS = "*";

    /** Reads the user's AWS setup; may be slow (files) and may fail with an {@code AwsConfigException}. */
    @FunctionalInterface
    public interface SetupReader {
        AwsSetup read();
    }

    private final TaskExecutor executor;
    private final Messages messages;
    private final DialogService dialogs;
    private final AppState state;
    private final SetupReader setupReader;
    private final AwsSetup emptySetup;
    private final ConnectionPreferences preferences;
    private final Connector connector;
    private final ConnectionNames names;

    private final ObservableList<ConnectionItem> connections = FXCollections.observableArrayList();
    private final ObservableList<RegionItem> regions = FXCollections.observableArrayList();
    // One read-only view each: such a view only weakly listens to its list, so listeners need the same view kept.
    private final ObservableList<ConnectionItem> connectionsView =
            FXCollections.unmodifiableObservableList(connections);
    private final ObservableList<RegionItem> regionsView = FXCollections.unmodifiableObservableList(regions);
    private final ReadOnlyObjectWrapper<ConnectionTarget> activeTarget = new ReadOnlyObjectWrapper<>(this,
            "activeTarget");
    private final ReadOnlyStringWrapper activeRegion = new ReadOnlyStringWrapper(this, "activeRegion", "");
    private final ReadOnlyBooleanWrapper allRegions = new ReadOnlyBooleanWrapper(this, "allRegions");
    private final ObservableList<RegionItem> regionsForAll = FXCollections.observableArrayList();
    private final ObservableList<RegionItem> regionsForAllView =
            FXCollections.unmodifiableObservableList(regionsForAll);
    private final ObservableList<String> tickedRegions = FXCollections.observableArrayList();
    private final ObservableList<String> tickedRegionsView = FXCollections.unmodifiableObservableList(tickedRegions);
    private final ReadOnlyStringWrapper setupProblem = new ReadOnlyStringWrapper(this, "setupProblem", "");
    private final ReadOnlyStringWrapper menuHint = new ReadOnlyStringWrapper(this, "menuHint", "");
    private final ReadOnlyBooleanWrapper markedProduction = new ReadOnlyBooleanWrapper(this, "markedProduction");
    private final ReadOnlyBooleanWrapper checksAccess = new ReadOnlyBooleanWrapper(this, "checksAccess");
    private final StringBinding productionBanner;

    private AwsSetup setup;
    /** Why the files could not be read, from the background thread that tried, for the UI thread. */
    private volatile String readProblem = "";

    /**
     * @param emptySetup the setup without profiles, used until the files have been read
     */
    public ConnectionsViewModel(TaskExecutor executor, Messages messages, DialogService dialogs, AppState state,
                                SetupReader setupReader, AwsSetup emptySetup, ConnectionPreferences preferences,
                                Connector connector) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.setupReader = Objects.requireNonNull(setupReader, "setupReader");
        this.emptySetup = Objects.requireNonNull(emptySetup, "emptySetup");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.names = new ConnectionNames(messages);
        this.setup = emptySetup;
        productionBanner = Bindings.createStringBinding(
                () -> messages.format("production.banner", state.connectionTextProperty().get()),
                state.connectionTextProperty());
        state.accountIdProperty().addListener((observable, old, account) -> updateProduction());
        showSetup(emptySetup);
    }

    /**
     * Reads the AWS files, then opens the first connection: {@code profile} if given (from {@code --profile}),
     * else the one used last, else the bundled backend; in {@code region} if given, else the region used last
     * with that connection, else its own.
     */
    public void start(Optional<String> profile, Optional<String> region) {
        executor.execute(this::readSetup, read -> {
            boolean readable = read.isPresent();
            read.ifPresentOrElse(this::showSetup, this::showSetupProblem);
            // With unreadable files a remembered profile still opens, so the status bar says what is wrong with it.
            Optional<ConnectionTarget> remembered = preferences.lastTarget()
                    .filter(target -> isOffered(target) || !readable);
            ConnectionTarget target = profile.map(ConnectionTarget::profile)
                    .or(() -> remembered)
                    .orElse(ConnectionTarget.BUNDLED);
            Optional<String> rememberedRegion = profile.isEmpty() && remembered.isPresent()
                    ? preferences.lastRegion()
                    : Optional.empty();
            if (readable && !isOffered(target)) {
                String problem = messages.format("connection.unknownProfile", profile.orElse(""),
                        setup.files().config());
                open(ConnectionTarget.BUNDLED, region.orElse(setup.defaultRegion(ConnectionTarget.BUNDLED)));
                dialogs.showError(messages.get("connection.problem.title"),
                        messages.get("connection.unknownProfile.header"), problem);
                return;
            }
            open(target, region.or(() -> rememberedRegion).orElse(setup.defaultRegion(target)));
            if (!readable && target instanceof ConnectionTarget.Bundled) {
                showSetupProblemDialog();
            }
        }, failure -> { /* readSetup reports its own failures */ });
    }

    /**
     * Reads the AWS files again, for profiles added or changed since. When they cannot be read the menu keeps
     * the profiles it had, so choosing one says what is wrong with the files.
     */
    public void reloadProfiles() {
        executor.execute(this::readSetup, read -> read.ifPresentOrElse(this::showSetup, () -> {
            showSetupProblem();
            showSetupProblemDialog();
        }), failure -> { /* readSetup reports its own failures */ });
    }

    /** Switches to {@code target} in its own region, once the leave guard allows it. */
    public void select(ConnectionTarget target) {
        if (!target.equals(activeTarget.get()) && state.mayReplaceConnection()) {
            open(target, setup.defaultRegion(target));
        }
    }

    /** Switches the active connection to {@code region}, once the leave guard allows it. */
    public void selectRegion(String region) {
        if (activeTarget.get() != null && (allRegions.get() || !region.equals(activeRegion.get()))
                && state.mayReplaceConnection()) {
            open(activeTarget.get(), region);
        }
    }

    /**
     * Shows the keys of every region of the active connection's partition at once, or of the regions ticked for
     * it, once the leave guard allows it.
     */
    public void selectAllRegions() {
        if (activeTarget.get() != null && !allRegions.get() && state.mayReplaceConnection()) {
            open(activeTarget.get(), ALL_REGIONS);
        }
    }

    /**
     * Ticks or unticks {@code region} for "All regions" of the active connection, and remembers it for that
     * connection; with none ticked, All regions reads every region. While all regions are shown they are read again
     * (once the leave guard allows it).
     */
    public void setRegionTicked(String region, boolean ticked) {
        ConnectionTarget target = activeTarget.get();
        if (target == null || tickedRegions.contains(region) == ticked) {
            return;
        }
        if (allRegions.get() && !state.mayReplaceConnection()) {
            return;
        }
        if (ticked) {
            tickedRegions.add(region);
        } else {
            tickedRegions.remove(region);
        }
        preferences.rememberTickedRegions(target, tickedRegions);
        if (allRegions.get()) {
            open(target, ALL_REGIONS);
        }
    }

    /** Marks the active connection, and its account once known, as production (or no longer). */
    public void markProduction(boolean production) {
        if (activeTarget.get() != null) {
            preferences.markProduction(activeTarget.get(), account(), production);
            updateProduction();
        }
    }

    /**
     * Turns the check of access changes on or off for the active connection. Turning it on reads the account's
     * IAM policies afresh at the next review.
     */
    public void checkAccessChanges(boolean on) {
        if (activeTarget.get() != null) {
            preferences.checkAccess(activeTarget.get(), on);
            KmsServices services = state.servicesProperty().get();
            if (on && services != null) {
                services.accessPolicies().refresh();
            }
            updateAccessCheck();
        }
    }

    private void updateAccessCheck() {
        boolean on = activeTarget.get() != null && preferences.checksAccess(activeTarget.get());
        checksAccess.set(on);
        state.setAccessCheck(on);
    }

    /** The user's AWS setup, or empty when the files cannot be read; runs off the UI thread. */
    private Optional<AwsSetup> readSetup() {
        try {
            return Optional.of(setupReader.read());
        } catch (RuntimeException e) {
            readProblem = e.getMessage();
            return Optional.empty();
        }
    }

    private void showSetup(AwsSetup read) {
        setupProblem.set("");
        setup = read;
        String awsProfile = read.environment().profile().orElse("");
        connections.setAll(read.targets().stream()
                .map(target -> new ConnectionItem(target, names.menuLabel(target, awsProfile))).toList());
        menuHint.set(read.profiles().isEmpty()
                ? messages.format("menu.connection.noProfiles", read.files().config())
                : "");
    }

    private void showSetupProblem() {
        setupProblem.set(readProblem);
        menuHint.set(messages.get("menu.connection.unreadable"));
    }

    private void showSetupProblemDialog() {
        dialogs.showError(messages.get("connection.problem.title"), messages.get("connection.setup.header"),
                setupProblem.get());
    }

    private boolean isOffered(ConnectionTarget target) {
        return setup.targets().contains(target);
    }

    private void open(ConnectionTarget target, String region) {
        preferences.remember(target, region);
        String ownRegion = setup.defaultRegion(target);
        boolean all = region.equals(ALL_REGIONS);
        if (!target.equals(activeTarget.get()) || regionsForAll.isEmpty()) {
            List<RegionChoice> partition = KmsRegions.samePartitionAs(ownRegion);
            regionsForAll.setAll(partition.stream().map(choice -> new RegionItem(choice.id(),
                    names.regionLabel(choice))).toList());
            tickedRegions.setAll(preferences.tickedRegions(target).stream()
                    .filter(id -> partition.stream().anyMatch(choice -> choice.id().equals(id))).toList());
        }
        activeTarget.set(target);
        activeRegion.set(all ? "" : region);
        allRegions.set(all);
        List<RegionChoice> choices = new ArrayList<>(KmsRegions.startingWith(ownRegion));
        if (!all && choices.stream().noneMatch(choice -> choice.id().equals(region))) {
            choices.add(0, new RegionChoice(region, ""));
        }
        regions.setAll(choices.stream().map(choice -> new RegionItem(choice.id(), names.regionLabel(choice)))
                .toList());
        List<String> read = all ? regionsToRead(ownRegion) : List.of(region);
        ChosenConnection chosen = all
                ? new ChosenConnection(ConnectionNames.kind(target), names.statusName(target),
                        messages.format("region.all", read.size()), connector.allRegionsOpener(target, read, setup))
                : new ChosenConnection(ConnectionNames.kind(target), names.statusName(target), region,
                        connector.opener(target, region, setup));
        state.chooseConnection(chosen);
        updateProduction();
        updateAccessCheck();
    }

    /** The regions All regions reads: those ticked, else every one of the partition; the connection's own first. */
    private List<String> regionsToRead(String ownRegion) {
        List<String> read = new ArrayList<>(tickedRegions.isEmpty()
                ? regionsForAll.stream().map(RegionItem::id).toList()
                : tickedRegions);
        read.sort(null);
        if (tickedRegions.isEmpty() || read.contains(ownRegion)) {
            read.remove(ownRegion);
            read.add(0, ownRegion);
        }
        return List.copyOf(read);
    }

    private void updateProduction() {
        boolean production = activeTarget.get() != null && preferences.isProduction(activeTarget.get(), account());
        markedProduction.set(production);
        state.setProduction(production);
    }

    private Optional<String> account() {
        return Optional.of(state.accountIdProperty().get()).filter(account -> !account.isEmpty());
    }

    /** The Connection menu's entries: the bundled backend, the environment's credentials if set, each profile. */
    public ObservableList<ConnectionItem> connections() {
        return connectionsView;
    }

    /** The Region menu's entries: the connection's own region first, then every KMS region. */
    public ObservableList<RegionItem> regions() {
        return regionsView;
    }

    public ReadOnlyObjectProperty<ConnectionTarget> activeTargetProperty() {
        return activeTarget.getReadOnlyProperty();
    }

    /** The region shown; empty while all regions are. */
    public ReadOnlyStringProperty activeRegionProperty() {
        return activeRegion.getReadOnlyProperty();
    }

    /** Whether the keys of all regions (or of those ticked) are shown. */
    public ReadOnlyBooleanProperty allRegionsProperty() {
        return allRegions.getReadOnlyProperty();
    }

    /** The regions that can be ticked for All regions: every KMS region of the active connection's partition. */
    public ObservableList<RegionItem> regionsForAll() {
        return regionsForAllView;
    }

    /** The regions ticked for All regions of the active connection; empty means every one. */
    public ObservableList<String> tickedRegions() {
        return tickedRegionsView;
    }

    /** Why the AWS files could not be read; empty when they could. */
    public ReadOnlyStringProperty setupProblemProperty() {
        return setupProblem.getReadOnlyProperty();
    }

    /** A note under the connections, such as that no profile was found or the files cannot be read; may be empty. */
    public ReadOnlyStringProperty menuHintProperty() {
        return menuHint.getReadOnlyProperty();
    }

    /** Whether reviews on the active connection say whose access a change alters. */
    public ReadOnlyBooleanProperty checksAccessProperty() {
        return checksAccess.getReadOnlyProperty();
    }

    /** Whether the active connection or its account is marked as production. */
    public ReadOnlyBooleanProperty markedProductionProperty() {
        return markedProduction.getReadOnlyProperty();
    }

    /** The red banner's sentence, shown while {@link AppState#productionProperty()} is true. */
    public StringBinding productionBannerProperty() {
        return productionBanner;
    }
}
