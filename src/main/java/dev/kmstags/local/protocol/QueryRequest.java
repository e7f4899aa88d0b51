package dev.kmstags.local.protocol;

import java.util.Map;

/**
 * One authenticated request in AWS's query protocol (as IAM speaks it): the {@code Action}, the {@code Version},
 * and every form parameter as sent, such as {@code Filter.member.1} or {@code Marker}.
 */
public record QueryRequest(String action, String version, Map<String, String> parameters) {

    public QueryRequest {
        parameters = Map.copyOf(parameters);
    }
}
