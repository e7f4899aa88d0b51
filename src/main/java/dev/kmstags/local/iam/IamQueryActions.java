package dev.kmstags.local.iam;

import dev.kmstags.local.KmsException;
import dev.kmstags.local.protocol.QueryRequest;
import dev.kmstags.local.protocol.QueryRequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The IAM actions the bundled backend answers, in IAM's query protocol: {@code GetAccountAuthorizationDetails}
 * with its {@code Filter}, {@code MaxItems} (1 to 1000, 100 by default) and {@code Marker} paging over users,
 * groups, roles and policies in that order, as IAM pages them.
 */
public final class IamQueryActions implements QueryRequestHandler {

    static final String VERSION = "2010-05-08";
    private static final int DEFAULT_MAX_ITEMS = 100;
    private static final int MAX_MAX_ITEMS = 1000;
    private static final String MARKER_PREFIX = "kmstags-iam:";
    private static final List<String> FILTERS = List.of("User", "Role", "Group", "LocalManagedPolicy",
            "AWSManagedPolicy");

    private final IamDirectory directory;

    IamQueryActions(IamDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The demo account's identities, for the account {@code accountId}. */
    public static IamQueryActions demo(String accountId) {
        return new IamQueryActions(DemoIam.directory(accountId));
    }

    @Override
    public String handle(QueryRequest request, String requestId) {
        if (!VERSION.equals(request.version()) || !"GetAccountAuthorizationDetails".equals(request.action())) {
            throw new KmsException("InvalidAction", "Could not find operation " + request.action()
                    + " for version " + request.version());
        }
        Set<String> filter = filter(request);
        int maxItems = maxItems(request.parameters().get("MaxItems"));
        int offset = offset(request.parameters().get("Marker"));
        List<Object> items = new ArrayList<>();
        if (filter.contains("User")) {
            items.addAll(directory.ofKind(IamEntity.Kind.USER));
        }
        if (filter.contains("Group")) {
            items.addAll(directory.ofKind(IamEntity.Kind.GROUP));
        }
        if (filter.contains("Role")) {
            items.addAll(directory.ofKind(IamEntity.Kind.ROLE));
        }
        if (filter.contains("LocalManagedPolicy")) {
            items.addAll(directory.policies());
        }
        if (offset > items.size()) {
            throw invalidMarker();
        }
        int end = Math.min(items.size(), offset + maxItems);
        String marker = end < items.size() ? marker(end) : null;
        return new AuthorizationDetailsXml(directory).response(items.subList(offset, end), marker, requestId);
    }

    /** The kinds asked for; all of them without a Filter. */
    private static Set<String> filter(QueryRequest request) {
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 1; request.parameters().containsKey("Filter.member." + i); i++) {
            String kind = request.parameters().get("Filter.member." + i);
            if (!FILTERS.contains(kind)) {
                throw new KmsException("ValidationError", "1 validation error detected: Value '[" + kind
                        + "]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must"
                        + " satisfy enum value set: " + FILTERS + "]");
            }
            kinds.add(kind);
        }
        return kinds.isEmpty() ? new LinkedHashSet<>(FILTERS) : kinds;
    }

    private static int maxItems(String text) {
        if (text == null) {
            return DEFAULT_MAX_ITEMS;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new KmsException("MalformedInput", "Invalid value for MaxItems: " + text);
        }
        if (value < 1 || value > MAX_MAX_ITEMS) {
            throw new KmsException("ValidationError", "1 validation error detected: Value '" + value
                    + "' at 'maxItems' failed to satisfy constraint: Member must have value "
                    + (value < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_MAX_ITEMS));
        }
        return value;
    }

    private static String marker(int offset) {
        return Base64.getEncoder().encodeToString((MARKER_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String marker) {
        if (marker == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
            if (text.startsWith(MARKER_PREFIX)) {
                int offset = Integer.parseInt(text.substring(MARKER_PREFIX.length()));
                if (offset > 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64, or not a number: said below.
        }
        throw invalidMarker();
    }

    private static KmsException invalidMarker() {
        return new KmsException("ValidationError", "Invalid Marker.");
    }
}
