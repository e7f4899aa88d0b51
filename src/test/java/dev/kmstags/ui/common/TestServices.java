package dev.kmstags.ui.common;

import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;

/** Services for ViewModel tests that list keys and never touch tags. */
public final class TestServices {

    private TestServices() {
    }

    /** Services whose key catalog is {@code catalog} and that have no tag service. */
    public static KmsServices listing(KeyCatalog catalog) {
        return new KmsServices() {
            @Override
            public KeyCatalog keyCatalog() {
                return catalog;
            }

            @Override
            public TagService tagService() {
                return null;
            }
        };
    }
}
