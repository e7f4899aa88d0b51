package dev.kmstags.local.service;

/** The single account the bundled backend plays, and the ARNs it hands out. */
public final class KmsAccount {

    /** The account ID in every ARN, the one AWS's documentation uses in examples. */
    public static final String ACCOUNT_ID = "111122223333";
    /** The identity named in access-denied messages. */
    static final String CALLER_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":user/local";
    static final String PARTITION = "aws";

    private KmsAccount() {
    }

    public static String keyArn(String region, String keyId) {
        return "arn:" + PARTITION + ":kms:" + region + ":" + ACCOUNT_ID + ":key/" + keyId;
    }

    /** The ARN of an alias; {@code aliasName} includes its {@code alias/} prefix. */
    public static String aliasArn(String region, String aliasName) {
        return "arn:" + PARTITION + ":kms:" + region + ":" + ACCOUNT_ID + ":" + aliasName;
    }
}
