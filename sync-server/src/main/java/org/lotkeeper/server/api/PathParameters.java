package org.lotkeeper.server.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lotkeeper.model.wire.ErrorCode;

/**
 * Refuses a path parameter that carries a control character ({@code /tasks/A%00B}) before any
 * endpoint sees it: no code, id or name of the API has one, and PostgreSQL refuses a NUL in text,
 * so it would otherwise surface as a server error. The answer names the parameter.
 */
public class PathParameters {

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> p :
                request.getUriInfo().getPathParameters().entrySet()) {
            for (String value : p.getValue()) {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    throw Refused.invalid(
                            ErrorCode.INVALID_FIELD, p.getKey() + " contains a control character", p.getKey());
                }
            }
        }
    }
}
