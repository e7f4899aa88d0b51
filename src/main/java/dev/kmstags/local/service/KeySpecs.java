package dev.kmstags.local.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The key specs KMS offers, the key usages each allows, and the algorithms each reports in its metadata. */
final class KeySpecs {

    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    static final String ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT";
    static final String SIGN_VERIFY = "SIGN_VERIFY";
    static final String GENERATE_VERIFY_MAC = "GENERATE_VERIFY_MAC";
    static final String KEY_AGREEMENT = "KEY_AGREEMENT";

    static final List<String> KEY_USAGES = List.of(SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT);

    private static final List<String> RSA_USAGES = List.of(ENCRYPT_DECRYPT, SIGN_VERIFY);
    private static final List<String> ECC_USAGES = List.of(SIGN_VERIFY, KEY_AGREEMENT);
    private static final Map<String, List<String>> USAGES_BY_SPEC = new LinkedHashMap<>();

    static {
        USAGES_BY_SPEC.put("RSA_2048", RSA_USAGES);
        USAGES_BY_SPEC.put("RSA_3072", RSA_USAGES);
        USAGES_BY_SPEC.put("RSA_4096", RSA_USAGES);
        USAGES_BY_SPEC.put("ECC_NIST_P256", ECC_USAGES);
        USAGES_BY_SPEC.put("ECC_NIST_P384", ECC_USAGES);
        USAGES_BY_SPEC.put("ECC_NIST_P521", ECC_USAGES);
        USAGES_BY_SPEC.put("ECC_SECG_P256K1", ECC_USAGES);
        USAGES_BY_SPEC.put(SYMMETRIC_DEFAULT, List.of(ENCRYPT_DECRYPT));
        USAGES_BY_SPEC.put("HMAC_224", List.of(GENERATE_VERIFY_MAC));
        USAGES_BY_SPEC.put("HMAC_256", List.of(GENERATE_VERIFY_MAC));
        USAGES_BY_SPEC.put("HMAC_384", List.of(GENERATE_VERIFY_MAC));
        USAGES_BY_SPEC.put("HMAC_512", List.of(GENERATE_VERIFY_MAC));
        USAGES_BY_SPEC.put("SM2", List.of(ENCRYPT_DECRYPT, SIGN_VERIFY, KEY_AGREEMENT));
        USAGES_BY_SPEC.put("ML_DSA_44", List.of(SIGN_VERIFY));
        USAGES_BY_SPEC.put("ML_DSA_65", List.of(SIGN_VERIFY));
        USAGES_BY_SPEC.put("ML_DSA_87", List.of(SIGN_VERIFY));
    }

    static final List<String> KEY_SPECS = List.copyOf(USAGES_BY_SPEC.keySet());

    private KeySpecs() {
    }

    static boolean allows(String keySpec, String keyUsage) {
        return USAGES_BY_SPEC.getOrDefault(keySpec, List.of()).contains(keyUsage);
    }

    static List<String> encryptionAlgorithms(String keySpec, String keyUsage) {
        if (!ENCRYPT_DECRYPT.equals(keyUsage)) {
            return List.of();
        }
        if (SYMMETRIC_DEFAULT.equals(keySpec)) {
            return List.of(SYMMETRIC_DEFAULT);
        }
        if (keySpec.startsWith("RSA_")) {
            return List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
        }
        return "SM2".equals(keySpec) ? List.of("SM2PKE") : List.of();
    }

    static List<String> signingAlgorithms(String keySpec, String keyUsage) {
        if (!SIGN_VERIFY.equals(keyUsage)) {
            return List.of();
        }
        return switch (keySpec) {
            case "RSA_2048", "RSA_3072", "RSA_4096" -> List.of("RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384",
                    "RSASSA_PKCS1_V1_5_SHA_512", "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512");
            case "ECC_NIST_P256", "ECC_SECG_P256K1" -> List.of("ECDSA_SHA_256");
            case "ECC_NIST_P384" -> List.of("ECDSA_SHA_384");
            case "ECC_NIST_P521" -> List.of("ECDSA_SHA_512");
            case "SM2" -> List.of("SM2DSA");
            case "ML_DSA_44", "ML_DSA_65", "ML_DSA_87" -> List.of("ML_DSA_SHAKE_256");
            default -> List.of();
        };
    }

    static List<String> macAlgorithms(String keySpec) {
        return keySpec.startsWith("HMAC_") ? List.of("HMAC_SHA_" + keySpec.substring("HMAC_".length())) : List.of();
    }

    static List<String> keyAgreementAlgorithms(String keyUsage) {
        return KEY_AGREEMENT.equals(keyUsage) ? List.of("ECDH") : List.of();
    }
}
