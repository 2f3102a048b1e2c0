package dev.nlen.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document ({@code application/problem+json}); {@code field} and {@code limit} say which part
 * of the request was wrong and what the bound is, when that applies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, Object limit) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
