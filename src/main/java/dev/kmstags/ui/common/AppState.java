package dev.kmstags.ui.common;

import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the panels and commands of the app share: the connection (the one chosen, and its services once open), where
 * commits go and whether that is marked production, its tag policy, the selected keys, the colour theme, and the leave
 * guards. One object holds it; view models and actions read from it and write their part of it, instead of reaching
 * into each other. Change it on the UI thread only.
 */
public final class AppState {

    private final ReadOnlyObjectWrapper<ChosenConnection> chosenConnection =
            new ReadOnlyObjectWrapper<>(this, "chosenConnection");
    private final ReadOnlyObjectWrapper<KmsServices> services = new ReadOnlyObjectWrapper<>(this, "services");
    private final ReadOnlyObjectWrapper<TagService> tagService = new ReadOnlyObjectWrapper<>(this, "tagService");
    private final ReadOnlyStringWrapper accountId = new ReadOnlyStringWrapper(this, "accountId", "");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyBooleanWrapper production = new ReadOnlyBooleanWrapper(this, "production");
    private final ReadOnlyBooleanWrapper accessCheck = new ReadOnlyBooleanWrapper(this, "accessCheck");
    private final ReadOnlyObjectWrapper<PolicyInForce> tagPolicy =
            new ReadOnlyObjectWrapper<>(this, "tagPolicy", PolicyInForce.none());
    private final ObservableList<KeyEntry> selectedKeys = FXCollections.observableArrayList();
    // One read-only view: such a view only weakly listens to its list, so listeners need the same view kept.
    private final ObservableList<KeyEntry> selectedKeysView = FXCollections.unmodifiableObservableList(selectedKeys);
    private final ReadOnlyObjectWrapper<KeyEntry> selectedKey = new ReadOnlyObjectWrapper<>(this, "selectedKey");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final List<LeaveGuard> leaveGuards = new ArrayList<>();

    /** Chooses the connection to open; the main window opens it. The services of the previous one are dropped. */
    public void chooseConnection(ChosenConnection chosen) {
        connectionClosed();
        chosenConnection.set(Objects.requireNonNull(chosen, "chosen"));
    }

    /** The connection chosen last, open or being opened; null before the first choice. */
    public ReadOnlyObjectProperty<ChosenConnection> chosenConnectionProperty() {
        return chosenConnection.getReadOnlyProperty();
    }

    /** The chosen connection is open and offers {@code opened}. */
    public void connectionOpened(KmsServices opened) {
        services.set(Objects.requireNonNull(opened, "opened"));
        tagService.set(opened.tagService());
    }

    /** No connection is open (one is being opened, or opening it failed). */
    public void connectionClosed() {
        tagService.set(null);
        services.set(null);
        accountId.set("");
        tagPolicy.set(PolicyInForce.none());
    }

    /** The open connection's services; null while none is open. */
    public ReadOnlyObjectProperty<KmsServices> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    /** The tag service of the open connection; null while none is open. */
    public ReadOnlyObjectProperty<TagService> tagServiceProperty() {
        return tagService.getReadOnlyProperty();
    }

    /** The account of the open connection, once known (from its keys' ARNs, or asked). */
    public void setAccountId(String account) {
        accountId.set(Objects.requireNonNull(account, "account"));
    }

    /** The account of the open connection; empty until known. */
    public ReadOnlyStringProperty accountIdProperty() {
        return accountId.getReadOnlyProperty();
    }

    public void setConnectionText(String text) {
        connectionText.set(Objects.requireNonNull(text, "text"));
    }

    /** Where commits go, such as "prod · 111122223333 · eu-west-1"; empty before a connection was chosen. */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public void setProduction(boolean marked) {
        production.set(marked);
    }

    /** Whether commits go to an account the user marked as production: reviews then ask for typed confirmation. */
    public ReadOnlyBooleanProperty productionProperty() {
        return production.getReadOnlyProperty();
    }

    public void setAccessCheck(boolean on) {
        accessCheck.set(on);
    }

    /** Whether reviews on this connection say whose access the change alters (the user turned it on; reads IAM). */
    public ReadOnlyBooleanProperty accessCheckProperty() {
        return accessCheck.getReadOnlyProperty();
    }

    /**
     * Makes {@code keys} the selection. Whoever changes the selection for the user asks {@link #mayLeave()} first;
     * replacing the keys of a load needs no asking.
     */
    public void setSelectedKeys(List<? extends KeyEntry> keys) {
        if (!selectedKeys.equals(keys)) {
            selectedKeys.setAll(keys);
        }
        selectedKey.set(selectedKeys.size() == 1 ? selectedKeys.get(0) : null);
    }

    /** The selected keys, in the order they were selected; empty when none is. */
    public ObservableList<KeyEntry> selectedKeys() {
        return selectedKeysView;
    }

    /** The selected key when exactly one is selected; null when none or several are. */
    public ReadOnlyObjectProperty<KeyEntry> selectedKeyProperty() {
        return selectedKey.getReadOnlyProperty();
    }

    /** The tag policy of the open connection, once read (from Organizations or the file the user picked). */
    public void setTagPolicy(PolicyInForce policy) {
        tagPolicy.set(Objects.requireNonNull(policy, "policy"));
    }

    /** The tag policy tags are checked against; {@link PolicyInForce#none()} while there is none. */
    public ReadOnlyObjectProperty<PolicyInForce> tagPolicyProperty() {
        return tagPolicy.getReadOnlyProperty();
    }

    public void setTheme(Theme newTheme) {
        theme.set(Objects.requireNonNull(newTheme, "newTheme"));
    }

    /** The colour theme; the app applies it to every window and remembers it. */
    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /**
     * Adds a guard that is asked before the tags shown are replaced (another selection, a refresh), before the
     * connection is replaced and before the app closes. Guards are asked in the order they were added; the first
     * that says no stops the change, and those after it are not asked.
     */
    public void addLeaveGuard(LeaveGuard guard) {
        leaveGuards.add(Objects.requireNonNull(guard, "guard"));
    }

    /** Whether every leave guard lets the selection or the tags shown change now (each may ask the user). */
    public boolean mayLeave() {
        return leaveGuards.stream().allMatch(LeaveGuard::mayLeave);
    }

    /** Whether every leave guard lets the connection be replaced now. */
    public boolean mayReplaceConnection() {
        return leaveGuards.stream().allMatch(LeaveGuard::mayReplaceConnection);
    }

    /**
     * Whether every leave guard lets the app close now. A guard that holds closing back may run {@code close} later;
     * the guards after it are asked then, before the app closes.
     */
    public boolean mayClose(Runnable close) {
        return mayClose(0, Objects.requireNonNull(close, "close"));
    }

    private boolean mayClose(int first, Runnable close) {
        for (int index = first; index < leaveGuards.size(); index++) {
            int next = index + 1;
            Runnable closeAfterTheRest = () -> {
                if (mayClose(next, close)) {
                    close.run();
                }
            };
            if (!leaveGuards.get(index).mayClose(closeAfterTheRest)) {
                return false;
            }
        }
        return true;
    }
}
