package dev.kmstags.domain;

/** Who manages a KMS key: the customer, or AWS on the customer's behalf. */
public enum KeyManager {
    CUSTOMER,
    AWS;

    /** The manager named by KMS's {@code KeyManager} string; unknown or missing values count as customer. */
    public static KeyManager fromKms(String value) {
        return "AWS".equals(value) ? AWS : CUSTOMER;
    }
}
