package dev.kmstags.ui.common;

/**
 * What a dialog of a feature shows and answers, without the scene graph: a ViewModel builds one and hands it to
 * {@link DialogService#show(DialogModel)}, which shows the dialog registered for its class and answers with the
 * user's choice.
 *
 * @param <R> the answer
 */
public interface DialogModel<R> {

    /**
     * The answer that changes nothing (stay, send nothing, discard nothing): given when the user closes the dialog
     * without choosing, and by a dialog service that cannot show this dialog.
     */
    R dismissed();
}
