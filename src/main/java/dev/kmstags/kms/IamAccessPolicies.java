package dev.kmstags.kms;

import dev.kmstags.domain.access.IamAccount;
import dev.kmstags.domain.access.IamPrincipal;
import dev.kmstags.domain.access.NamedPolicy;
import dev.kmstags.domain.access.PolicyDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Reads the account's identity policies in one paginated call ({@code GetAccountAuthorizationDetails}: users,
 * groups and roles with their inline policies and attached customer managed policies, documents URL-encoded) and
 * keeps them until refreshed. AWS managed policies are not read: there are over a thousand, and none can know the
 * account's own tag keys.
 */
public final class IamAccessPolicies implements AccessPolicies {

    private static final Logger LOG = LoggerFactory.getLogger(IamAccessPolicies.class);

    private final IamClient iam;
    private final Clock clock;
    private Reading kept;

    public IamAccessPolicies(IamClient iam, Clock clock) {
        this.iam = Objects.requireNonNull(iam, "iam");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Reading read() {
        if (kept == null) {
            kept = readNow();
        }
        return kept;
    }

    @Override
    public synchronized void refresh() {
        kept = null;
    }

    private Reading readNow() {
        try {
            return new Read(account(iam.getAccountAuthorizationDetailsPaginator(b -> b.filter(EntityType.USER,
                    EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY)).stream().toList()),
                    clock.instant());
        } catch (SdkException e) {
            KmsProblem problem = KmsErrors.classify(e);
            if (problem == KmsProblem.ACCESS_DENIED) {
                // Expected of many credentials, and said to the user: no warning with a stack trace.
                LOG.info("These credentials may not read the account's IAM policies: {}", KmsErrors.detail(e));
            } else {
                LOG.warn("Could not read the account's IAM policies ({})", problem, e);
            }
            return new Unavailable(problem, KmsErrors.detail(e));
        }
    }

    /** The principals and their policies, from all pages. */
    static IamAccount account(List<GetAccountAuthorizationDetailsResponse> pages) {
        Map<String, ManagedPolicyDetail> managed = new HashMap<>();
        pages.forEach(page -> page.policies().forEach(policy -> managed.put(policy.arn(), policy)));
        List<IamAccount.Holder> holders = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (GetAccountAuthorizationDetailsResponse page : pages) {
            for (UserDetail user : page.userDetailList()) {
                holders.add(holder(new IamPrincipal(IamPrincipal.Kind.USER, user.userName()), user.userPolicyList(),
                        user.attachedManagedPolicies(), managed, unreadable));
            }
            for (GroupDetail group : page.groupDetailList()) {
                holders.add(holder(new IamPrincipal(IamPrincipal.Kind.GROUP, group.groupName()),
                        group.groupPolicyList(), group.attachedManagedPolicies(), managed, unreadable));
            }
            for (RoleDetail role : page.roleDetailList()) {
                holders.add(holder(new IamPrincipal(IamPrincipal.Kind.ROLE, role.roleName()), role.rolePolicyList(),
                        role.attachedManagedPolicies(), managed, unreadable));
            }
        }
        return new IamAccount(holders, unreadable);
    }

    private static IamAccount.Holder holder(IamPrincipal principal, List<PolicyDetail> inline,
                                            List<AttachedPolicy> attached, Map<String, ManagedPolicyDetail> managed,
                                            List<String> unreadable) {
        List<NamedPolicy> policies = new ArrayList<>();
        for (PolicyDetail policy : inline) {
            parse(principal, policy.policyName(), policy.policyDocument(), unreadable).ifPresent(policies::add);
        }
        for (AttachedPolicy attachment : attached) {
            ManagedPolicyDetail detail = managed.get(attachment.policyArn());
            if (detail == null) {
                continue;
            }
            detail.policyVersionList().stream().filter(PolicyVersion::isDefaultVersion).findFirst()
                    .flatMap(version -> parse(principal, attachment.policyName(), version.document(), unreadable))
                    .ifPresent(policies::add);
        }
        return new IamAccount.Holder(principal, policies);
    }

    private static Optional<NamedPolicy> parse(IamPrincipal principal, String name, String encoded,
                                                         List<String> unreadable) {
        try {
            String json = URLDecoder.decode(encoded == null ? "" : encoded, StandardCharsets.UTF_8);
            return Optional.of(new NamedPolicy(name, PolicyDocument.parse(json)));
        } catch (IllegalArgumentException e) {
            // PolicyDocumentException included: a document that is not a policy, or not URL-encoded.
            unreadable.add(principal.label() + ": " + name);
            return Optional.empty();
        }
    }
}
