package dev.kmstags.local.protocol;

import dev.kmstags.local.KmsException;
import java.util.Map;

/**
 * The service and operation an AWS JSON request names in {@code X-Amz-Target}. The backend answers KMS
 * ({@code TrentService.<operation>}) and, for the tag policy, Organizations
 * ({@code AWSOrganizationsV20161128.<operation>}); each is signed for its own SigV4 service name.
 *
 * @param signingName the SigV4 service the request must be signed for, such as {@code kms}
 * @param operation   the operation as the handler knows it: bare for KMS ({@code TagResource}), and prefixed with
 *                    the signing name for the other services ({@code organizations:DescribeEffectivePolicy})
 */
record ServiceTarget(String signingName, String operation) {

    static final String KMS = "kms";
    static final String ORGANIZATIONS = "organizations";
    private static final Map<String, String> SIGNING_NAMES = Map.of(
            "TrentService.", KMS,
            "AWSOrganizationsV20161128.", ORGANIZATIONS);

    /** @throws KmsException {@code UnknownOperationException}, as AWS JSON services answer a target they lack */
    static ServiceTarget of(String target) {
        if (target != null) {
            for (Map.Entry<String, String> service : SIGNING_NAMES.entrySet()) {
                String prefix = service.getKey();
                if (target.startsWith(prefix) && target.length() > prefix.length()) {
                    String name = target.substring(prefix.length());
                    return new ServiceTarget(service.getValue(),
                            KMS.equals(service.getValue()) ? name : service.getValue() + ":" + name);
                }
            }
        }
        // Real AWS JSON services say no more than the code here.
        throw new KmsException(ProtocolErrors.UNKNOWN_OPERATION, null);
    }
}
