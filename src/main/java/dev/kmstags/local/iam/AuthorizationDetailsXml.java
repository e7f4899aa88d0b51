package dev.kmstags.local.iam;

import dev.kmstags.local.protocol.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The XML of a {@code GetAccountAuthorizationDetails} answer, shaped as IAM's: the details lists in the model's
 * order, members as {@code <member>}, policy documents URL-encoded (RFC 3986, as IAM encodes them), and
 * {@code IsTruncated} with a {@code Marker} when more follows.
 */
final class AuthorizationDetailsXml {

    private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final IamDirectory directory;
    private final StringBuilder xml = new StringBuilder();
    private final String created;

    AuthorizationDetailsXml(IamDirectory directory) {
        this.directory = directory;
        this.created = DateTimeFormatter.ISO_INSTANT.format(directory.created());
    }

    /** @param items users, groups, roles and policies of this page, in that order */
    String response(List<Object> items, String marker, String requestId) {
        xml.append("<GetAccountAuthorizationDetailsResponse xmlns=\"").append(NAMESPACE).append("\">\n")
                .append("  <GetAccountAuthorizationDetailsResult>\n");
        list("UserDetailList", items, IamEntity.Kind.USER);
        list("GroupDetailList", items, IamEntity.Kind.GROUP);
        list("RoleDetailList", items, IamEntity.Kind.ROLE);
        xml.append("    <Policies>\n");
        items.stream().filter(ManagedPolicy.class::isInstance).map(ManagedPolicy.class::cast).forEach(this::policy);
        xml.append("    </Policies>\n");
        element(4, "IsTruncated", String.valueOf(marker != null));
        if (marker != null) {
            element(4, "Marker", marker);
        }
        xml.append("  </GetAccountAuthorizationDetailsResult>\n  <ResponseMetadata>\n");
        element(4, "RequestId", requestId);
        xml.append("  </ResponseMetadata>\n</GetAccountAuthorizationDetailsResponse>\n");
        return xml.toString();
    }

    private void list(String name, List<Object> items, IamEntity.Kind kind) {
        xml.append("    <").append(name).append(">\n");
        items.stream().filter(IamEntity.class::isInstance).map(IamEntity.class::cast)
                .filter(e -> e.kind() == kind).forEach(this::entity);
        xml.append("    </").append(name).append(">\n");
    }

    private void entity(IamEntity entity) {
        String kind = switch (entity.kind()) {
            case USER -> "User";
            case GROUP -> "Group";
            case ROLE -> "Role";
        };
        xml.append("      <member>\n");
        element(8, "Path", "/");
        element(8, kind + "Name", entity.name());
        element(8, kind + "Id", entity.id());
        element(8, "Arn", directory.arn(entity));
        element(8, "CreateDate", created);
        if (entity.kind() == IamEntity.Kind.ROLE) {
            element(8, "AssumeRolePolicyDocument", encoded(entity.trustPolicy()));
            xml.append("        <InstanceProfileList/>\n");
        }
        xml.append("        <").append(kind).append("PolicyList>\n");
        for (IamEntity.InlinePolicy policy : entity.inlinePolicies()) {
            xml.append("          <member>\n");
            element(12, "PolicyName", policy.name());
            element(12, "PolicyDocument", encoded(policy.document()));
            xml.append("          </member>\n");
        }
        xml.append("        </").append(kind).append("PolicyList>\n");
        if (entity.kind() == IamEntity.Kind.USER) {
            xml.append("        <GroupList>\n");
            entity.groups().forEach(group -> element(10, "member", group));
            xml.append("        </GroupList>\n");
        }
        xml.append("        <AttachedManagedPolicies>\n");
        for (String policy : entity.attachedPolicies()) {
            xml.append("          <member>\n");
            element(12, "PolicyName", policy);
            element(12, "PolicyArn", "arn:aws:iam::" + directory.accountId() + ":policy/" + policy);
            xml.append("          </member>\n");
        }
        xml.append("        </AttachedManagedPolicies>\n");
        if (entity.kind() != IamEntity.Kind.GROUP) {
            xml.append("        <Tags/>\n");
        }
        if (entity.kind() == IamEntity.Kind.ROLE) {
            xml.append("        <RoleLastUsed/>\n");
        }
        xml.append("      </member>\n");
    }

    private void policy(ManagedPolicy policy) {
        xml.append("      <member>\n");
        element(8, "PolicyName", policy.name());
        element(8, "PolicyId", policy.id());
        element(8, "Arn", directory.arn(policy));
        element(8, "Path", "/");
        element(8, "DefaultVersionId", "v1");
        element(8, "AttachmentCount", String.valueOf(directory.attachmentCount(policy)));
        element(8, "PermissionsBoundaryUsageCount", "0");
        element(8, "IsAttachable", "true");
        element(8, "Description", policy.description());
        element(8, "CreateDate", created);
        element(8, "UpdateDate", created);
        xml.append("        <PolicyVersionList>\n          <member>\n");
        element(12, "Document", encoded(policy.document()));
        element(12, "VersionId", "v1");
        element(12, "IsDefaultVersion", "true");
        element(12, "CreateDate", created);
        xml.append("          </member>\n        </PolicyVersionList>\n      </member>\n");
    }

    private void element(int indent, String name, String text) {
        xml.append(" ".repeat(indent)).append('<').append(name).append('>').append(Xml.escape(text))
                .append("</").append(name).append(">\n");
    }

    /** As IAM returns documents: percent-encoded UTF-8, spaces as %20. */
    static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
