package dev.kmstags.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item whose children are made when they are first asked for, which a tree does when the item is opened: for
 * trees with many items whose children are seldom seen (each of 1,000 keys' changes in a review, each value of a tag
 * key on 1,000 keys), made up front they held the JavaFX thread each time the tree was filled.
 *
 * @param <T> the type of the item's value
 */
public final class LazyTreeItem<T> extends TreeItem<T> {

    private final boolean leaf;
    private Supplier<List<TreeItem<T>>> children;

    /**
     * @param leaf     whether the item has no children, known without making them (a leaf shows no arrow to open)
     * @param children makes the children, once
     */
    public LazyTreeItem(T value, boolean leaf, Supplier<List<TreeItem<T>>> children) {
        super(value);
        this.leaf = leaf;
        this.children = Objects.requireNonNull(children, "children");
    }

    @Override
    public boolean isLeaf() {
        return leaf;
    }

    @Override
    public ObservableList<TreeItem<T>> getChildren() {
        // Null while the super constructor runs: nothing is made then.
        Supplier<List<TreeItem<T>>> make = children;
        if (make != null) {
            children = null;
            super.getChildren().setAll(make.get());
        }
        return super.getChildren();
    }
}
