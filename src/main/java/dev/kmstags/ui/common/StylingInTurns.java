package dev.kmstags.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Pane;

/**
 * Works out the styles of a dialog that is not shown yet a part at a time, so that each turn of the JavaFX thread
 * does a bounded share: its header and buttons first, then its content's parts, in their order. A dialog is a scene
 * of its own, and JavaFX matches every kind of node in a new scene against all of the theme's selectors, which for a
 * large review takes longer than a turn should. The content's parts are taken out before any styling and put back
 * one by one as they are styled, so that once all are styled the dialog is as it was made.
 */
final class StylingInTurns {

    private final DialogPane pane;
    private final Pane content;
    private final Deque<Node> parts = new ArrayDeque<>();
    private boolean paneStyled;

    StylingInTurns(DialogPane pane) {
        this.pane = pane;
        this.content = pane.getContent() instanceof Pane parts ? parts : null;
        if (content != null) {
            parts.addAll(content.getChildren());
            content.getChildren().clear();
        }
    }

    /**
     * Styles what is not styled yet, a part after another while less than {@code budgetNanos} went by, and at least
     * one part (the header and buttons first); answers whether all is styled now.
     */
    boolean styleFor(long budgetNanos) {
        long start = System.nanoTime();
        boolean styledSome = false;
        if (!paneStyled) {
            pane.applyCss();
            paneStyled = true;
            styledSome = true;
        }
        while (!parts.isEmpty() && !(styledSome && System.nanoTime() - start >= budgetNanos)) {
            Node part = parts.removeFirst();
            content.getChildren().add(part);
            part.applyCss();
            styledSome = true;
        }
        return parts.isEmpty();
    }
}
