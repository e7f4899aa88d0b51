package dev.kmstags.ui.main;

import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.Messages;
import java.util.Objects;

/** Help → About: shows the app's name, version and purpose. */
public final class AboutAction extends Action {

    private final DialogService dialogs;
    private final Messages messages;
    private final String version;

    /**
     * @param version the app version the dialog names
     */
    public AboutAction(DialogService dialogs, Messages messages, String version) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public void execute() {
        dialogs.show(new AboutText(messages.get("about.title"), messages.format("about.header", version),
                messages.get("about.text")));
    }
}
