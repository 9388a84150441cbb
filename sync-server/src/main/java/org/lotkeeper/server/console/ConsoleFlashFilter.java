package org.lotkeeper.server.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A page that showed a flash cookie ({@link ConsoleFlash}) clears it, so a reload shows it no more. */
public class ConsoleFlashFilter {

    @ServerResponseFilter
    public void clearShown(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !request.getUriInfo().getPath().startsWith(ConsoleFlash.CONSOLE_PATH)) {
            return;
        }
        boolean secure =
                "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        if (request.getCookies().containsKey(ConsoleFlash.MESSAGE)) {
            response.getHeaders()
                    .add(
                            HttpHeaders.SET_COOKIE,
                            ConsoleFlash.cleared(ConsoleFlash.MESSAGE, ConsoleFlash.CONSOLE_PATH, secure));
        }
        if (request.getCookies().containsKey(ConsoleFlash.ENROLLMENT)
                && request.getUriInfo().getPath().startsWith(ConsoleFlash.DEVICES_PATH)) {
            response.getHeaders()
                    .add(
                            HttpHeaders.SET_COOKIE,
                            ConsoleFlash.cleared(ConsoleFlash.ENROLLMENT, ConsoleFlash.DEVICES_PATH, secure));
        }
    }
}
