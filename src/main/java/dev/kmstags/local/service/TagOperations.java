package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagRules;
import dev.kmstags.local.KmsException;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.store.KeyStatus;
import dev.kmstags.local.store.KeyTagCount;
import dev.kmstags.local.store.KeyTagPage;
import dev.kmstags.local.store.SqliteKeyStore;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** TagResource, UntagResource and ListResourceTags. */
final class TagOperations {

    static final int LIST_TAGS_DEFAULT_LIMIT = 50;
    static final int LIST_TAGS_MAX_LIMIT = 50;

    private final SqliteKeyStore store;
    private final Markers markers;

    TagOperations(SqliteKeyStore store, Markers markers) {
        this.store = store;
        this.markers = markers;
    }

    /** Completes once the tags are committed; the calling thread is free meanwhile. */
    CompletionStage<ObjectNode> tagResource(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String keyId = body.string("KeyId");
        List<RequestJson.RawTag> rawTags = body.tags("Tags");
        ValidationErrors errors = new ValidationErrors();
        Members.keyId(errors, keyId, "keyId");
        errors.notNull(rawTags, "tags");
        List<Tag> tags = rawTags == null ? List.of() : Members.tags(errors, rawTags, "tags");
        errors.throwIfAny();
        Members.tagRules(tags);
        List<String> tagKeys = tags.stream().map(Tag::key).toList();
        // More tags than a key may carry are too many whatever it has: they need no count (nor a statement with a
        // parameter for each).
        boolean countable = TagRules.withinTagLimit(tags.size());
        return store.writeLater(session -> {
            KeyResolver resolver = new KeyResolver(session, request.region());
            KeyTagCount counted = countable ? resolver.keyStatusAndTagsKept(keyId, tagKeys) : null;
            KeyStatus key = countable ? counted.status() : resolver.keyStatusOnly(keyId);
            KeyGuards.customerManaged(key, "TagResource");
            KeyGuards.notPendingDeletion(key);
            // The tag keys are distinct (Members.tagRules): after the put the key has the tags it kept and these.
            if (!countable || !TagRules.withinTagLimit(counted.tagsKept() + tags.size())) {
                throw OperationErrors.tooManyTags();
            }
            session.putTags(key.keyId(), tags);
            return JsonNodeFactory.instance.objectNode();
        });
    }

    /** Completes once the removal is committed; the calling thread is free meanwhile. */
    CompletionStage<ObjectNode> untagResource(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String keyId = body.string("KeyId");
        List<String> tagKeys = body.strings("TagKeys");
        ValidationErrors errors = new ValidationErrors();
        Members.keyId(errors, keyId, "keyId");
        errors.notNull(tagKeys, "tagKeys");
        if (tagKeys != null) {
            for (int i = 0; i < tagKeys.size(); i++) {
                Members.tagKey(errors, tagKeys.get(i), "tagKeys." + (i + 1) + ".member");
            }
        }
        errors.throwIfAny();
        if (tagKeys.stream().anyMatch(TagRules::isReserved)) {
            throw OperationErrors.reservedTag();
        }
        return store.writeLater(session -> {
            KeyStatus key = new KeyResolver(session, request.region()).keyStatusOnly(keyId);
            KeyGuards.customerManaged(key, "UntagResource");
            KeyGuards.notPendingDeletion(key);
            session.removeTags(key.keyId(), tagKeys);
            return JsonNodeFactory.instance.objectNode();
        });
    }

    ObjectNode listResourceTags(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String keyId = body.string("KeyId");
        String marker = body.string("Marker");
        ValidationErrors errors = new ValidationErrors();
        Members.keyId(errors, keyId, "keyId");
        int limit = Members.limit(errors, body.integer("Limit"), LIST_TAGS_DEFAULT_LIMIT, LIST_TAGS_MAX_LIMIT);
        Members.marker(errors, marker);
        errors.throwIfAny();
        String namedKeyId = KeyResolver.keyIdOf(keyId, request.region());
        String scope = "ListResourceTags\n" + namedKeyId;
        // An unknown key is reported before a bad marker: the marker is checked once the key is found.
        KmsException badMarker = null;
        String after = null;
        if (marker != null) {
            try {
                after = markers.positionOf(scope, marker);
            } catch (KmsException e) {
                badMarker = e;
            }
        }
        KeyTagPage page = KeyResolver.inRegion(store.keyTagPage(namedKeyId, after, limit + 1),
                request.region(), namedKeyId);
        if (badMarker != null) {
            throw badMarker;
        }
        boolean truncated = page.tags().size() > limit;
        List<Tag> shown = truncated ? page.tags().subList(0, limit) : page.tags();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode array = response.putArray("Tags");
        for (Tag tag : shown) {
            array.addObject().put("TagKey", tag.key()).put("TagValue", tag.value());
        }
        if (truncated) {
            response.put("NextMarker", markers.issue(scope, shown.get(shown.size() - 1).key()));
        }
        response.put("Truncated", truncated);
        return response;
    }
}
