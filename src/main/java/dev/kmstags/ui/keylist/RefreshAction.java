package dev.kmstags.ui.keylist;

import dev.kmstags.ui.common.Action;
import java.util.Objects;

/** File → Refresh (F5) and the key list's refresh button: loads the keys again, once the leave guards allow it. */
public final class RefreshAction extends Action {

    private final KeyListViewModel keyList;

    public RefreshAction(KeyListViewModel keyList) {
        this.keyList = Objects.requireNonNull(keyList, "keyList");
        executable.bind(keyList.canRefreshProperty());
    }

    @Override
    public void execute() {
        keyList.refresh();
    }
}
