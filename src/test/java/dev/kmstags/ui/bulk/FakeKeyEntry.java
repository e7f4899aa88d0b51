package dev.kmstags.ui.bulk;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.Tone;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A selected key as the key list hands it over, whose tags a test gives when it likes. */
final class FakeKeyEntry implements KeyEntry {

    private final KeySummary key;
    private final ReadOnlyObjectWrapper<KeyTags> tags = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper aliases;

    FakeKeyEntry(KeySummary key) {
        this.key = key;
        this.aliases = new ReadOnlyStringWrapper(String.join(", ", key.aliases()));
    }

    /** This key, with {@code keysAndValues} as its tags as read. */
    FakeKeyEntry tagged(String... keysAndValues) {
        List<Tag> read = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            read.add(new Tag(keysAndValues[i], keysAndValues[i + 1]));
        }
        tags.set(KeyTags.read(key.keyId(), read));
        return this;
    }

    FakeKeyEntry tagged(List<Tag> read) {
        tags.set(KeyTags.read(key.keyId(), read));
        return this;
    }

    FakeKeyEntry denied() {
        tags.set(KeyTags.denied(key.keyId()));
        return this;
    }

    @Override
    public KeySummary key() {
        return key;
    }

    @Override
    public String keyId() {
        return key.keyId();
    }

    @Override
    public String arn() {
        return key.arn();
    }

    @Override
    public String displayName() {
        return key.primaryAlias().orElse(key.keyId());
    }

    @Override
    public String aliasesText() {
        return aliases.get();
    }

    @Override
    public ReadOnlyStringProperty aliasesTextProperty() {
        return aliases.getReadOnlyProperty();
    }

    @Override
    public boolean aliasesListed() {
        return true;
    }

    @Override
    public String description() {
        return key.description();
    }

    @Override
    public String stateText() {
        return key.state();
    }

    @Override
    public Tone stateTone() {
        return Tone.NEUTRAL;
    }

    @Override
    public String managerText() {
        return key.manager().name();
    }

    @Override
    public String createdText() {
        return "";
    }

    @Override
    public String deletionText() {
        return "";
    }

    @Override
    public String readOnlyReasonText() {
        return "";
    }

    @Override
    public ReadOnlyStringProperty readOnlyReasonTextProperty() {
        return new ReadOnlyStringWrapper("").getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<KeyTags> keyTagsProperty() {
        return tags.getReadOnlyProperty();
    }
}
