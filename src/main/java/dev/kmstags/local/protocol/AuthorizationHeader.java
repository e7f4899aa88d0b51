package dev.kmstags.local.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=<AK>/<date>/<region>/<service>/aws4_request, SignedHeaders=a;b, Signature=<hex>}.
 * Parse errors carry the texts AWS answers with, so clients and people see what they would see on real KMS.
 */
record AuthorizationHeader(String credential, String signedHeaders, List<String> signedHeaderNames, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /**
     * @param header  the raw header value
     * @param hasDate whether the request carries an {@code X-Amz-Date} or {@code Date} header, which AWS reports
     *                together with the missing parameters
     */
    static AuthorizationHeader parse(String header, boolean hasDate) {
        String value = header.strip();
        int space = firstWhitespace(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        String parameters = space < 0 ? "" : value.substring(space + 1);
        if (!ALGORITHM.equals(algorithm)) {
            if (algorithm.startsWith("AWS4-")) {
                throw ProtocolErrors.incompleteSignature("Unsupported AWS 'algorithm': '" + algorithm + "'.");
            }
            // Not SigV4 at all (a bearer token, say): AWS then reports every parameter as missing.
            parameters = "";
        }
        Map<String, String> values = parameters(parameters, header);
        String credential = values.get("Credential");
        String signature = values.get("Signature");
        String signedHeaders = values.get("SignedHeaders");
        if (credential == null || signature == null || signedHeaders == null || !hasDate) {
            throw ProtocolErrors.incompleteSignature(missingParts(credential, signature, signedHeaders, hasDate)
                    + "Authorization=" + header);
        }
        return new AuthorizationHeader(credential, signedHeaders, List.of(signedHeaders.split(";")), signature);
    }

    private static Map<String, String> parameters(String parameters, String header) {
        Map<String, String> values = new HashMap<>(4);
        // AWS separates the parameters by commas and whitespace alike, so a space pasted into a key shows up here.
        int start = 0;
        int length = parameters.length();
        while (start < length) {
            int end = start;
            while (end < length && !isSeparator(parameters.charAt(end))) {
                end++;
            }
            if (end > start) {
                addPair(values, parameters.substring(start, end), header);
            }
            start = end + 1;
        }
        return values;
    }

    private static void addPair(Map<String, String> values, String pair, String header) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
            throw ProtocolErrors.incompleteSignature("'" + pair + "' not a valid key=value pair"
                    + " (missing equal-sign) in Authorization header: '" + header + "'.");
        }
        values.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
    }

    /** A comma, or what {@code \s} matches in a regular expression. */
    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String missingParts(String credential, String signature, String signedHeaders, boolean hasDate) {
        StringBuilder message = new StringBuilder();
        if (credential == null) {
            message.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            message.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            message.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (!hasDate) {
            message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return message.toString();
    }

    private static int firstWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
