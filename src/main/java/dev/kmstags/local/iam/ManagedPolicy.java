package dev.kmstags.local.iam;

/** A customer managed policy of the bundled backend's IAM: one version, v1, which is its default. */
record ManagedPolicy(String name, String id, String description, String document) {
}
