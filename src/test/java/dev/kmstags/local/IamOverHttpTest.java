package dev.kmstags.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;

/** The bundled backend's IAM, read with the real SDK IAM client over HTTP, beside KMS on the same endpoint. */
class IamOverHttpTest {

    @RegisterExtension
    static final SharedBackend backend = SharedBackend.seeded();

    private IamClient iam;

    @BeforeEach
    void openClient() {
        iam = client(backend.fixture().options().accessKey(), backend.fixture().options().secretKey());
    }

    @AfterEach
    void closeClient() {
        iam.close();
    }

    private IamClient client(String accessKey, String secretKey) {
        return IamClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(backend.fixture().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .region(Region.AWS_GLOBAL)
                .build();
    }

    @Test
    void theDemoAccountsIdentitiesAndPoliciesAreReadAsIamShapesThem() {
        GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails();

        assertThat(details.isTruncated()).isFalse();
        assertThat(details.userDetailList()).extracting(u -> u.userName()).containsExactly("alice", "key-admin");
        assertThat(details.userDetailList().get(0).groupList()).containsExactly("security-auditors");
        assertThat(details.groupDetailList()).singleElement().satisfies(g -> {
            assertThat(g.arn()).isEqualTo("arn:aws:iam::111122223333:group/security-auditors");
            assertThat(g.attachedManagedPolicies()).extracting(p -> p.policyName())
                    .containsExactly("DenyProductionDecrypt");
        });
        RoleDetail paymentsApp = details.roleDetailList().stream()
                .filter(r -> r.roleName().equals("payments-app")).findFirst().orElseThrow();
        assertThat(paymentsApp.arn()).isEqualTo("arn:aws:iam::111122223333:role/payments-app");
        assertThat(paymentsApp.attachedManagedPolicies()).extracting(p -> p.policyArn())
                .containsExactly("arn:aws:iam::111122223333:policy/PaymentsKeyAccess");
        assertThat(decoded(paymentsApp.assumeRolePolicyDocument())).contains("\"sts:AssumeRole\"");
        ManagedPolicyDetail policy = details.policies().stream()
                .filter(p -> p.policyName().equals("PaymentsKeyAccess")).findFirst().orElseThrow();
        assertThat(policy.attachmentCount()).isEqualTo(1);
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        String document = policy.policyVersionList().get(0).document();
        assertThat(document).as("URL-encoded, as IAM sends documents").doesNotContain("{", " ").contains("%20");
        assertThat(decoded(document)).contains("\"aws:ResourceTag/Team\": \"payments\"", "\"Sid\": \"AllowByTeam\"");
        assertThat(details.roleDetailList().stream().filter(r -> r.roleName().equals("data-pipeline")).findFirst()
                .orElseThrow().rolePolicyList()).extracting(p -> p.policyName()).containsExactly("DataKeyAccess");
    }

    @Test
    void itPagesWithMaxItemsAndMarkerAcrossAllLists() {
        List<GetAccountAuthorizationDetailsResponse> pages = iam.getAccountAuthorizationDetailsPaginator(
                b -> b.maxItems(2)).stream().toList();

        assertThat(pages).hasSize(5);
        assertThat(pages.subList(0, 4)).allSatisfy(page -> {
            assertThat(page.isTruncated()).isTrue();
            assertThat(page.marker()).isNotBlank();
        });
        assertThat(pages.get(4).isTruncated()).isFalse();
        assertThat(pages.get(4).marker()).isNull();
        assertThat(pages.stream().mapToInt(p -> p.userDetailList().size() + p.groupDetailList().size()
                + p.roleDetailList().size() + p.policies().size()).sum()).isEqualTo(9);
    }

    @Test
    void theFilterNamesTheKindsReturned() {
        GetAccountAuthorizationDetailsResponse roles = iam.getAccountAuthorizationDetails(
                b -> b.filter(EntityType.ROLE));

        assertThat(roles.roleDetailList()).hasSize(3);
        assertThat(roles.userDetailList()).isEmpty();
        assertThat(roles.policies()).isEmpty();
    }

    @Test
    void errorsAreIamErrors() {
        assertThatThrownBy(() -> iam.getAccountAuthorizationDetails(b -> b.maxItems(0)))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> iam.getAccountAuthorizationDetails(b -> b.marker("not-a-marker")))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Marker."));
        assertThatThrownBy(iam::listRoles).as("the backend answers only the action the app reads")
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Could not find operation ListRoles for version 2010-05-08");
                });
        try (IamClient stranger = client("AKIDSTRANGER", "secret")) {
            assertThatThrownBy(stranger::getAccountAuthorizationDetails)
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
        }
    }

    @Test
    void kmsStillAnswersOnTheSameEndpoint() {
        ListKeysResponse keys = backend.client().listKeys();

        assertThat(keys.keys()).isNotEmpty();
    }

    private static String decoded(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }
}
