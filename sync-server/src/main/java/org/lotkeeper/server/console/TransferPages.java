package org.lotkeeper.server.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.TransferService;

/**
 * Transfers in transit (docs/CONSOLE.md): stock a site sent to a sister site and that site has not
 * yet received, for users of either site, through the same {@link TransferService} as
 * {@code GET /api/v1/transfers}.
 */
@Path("/console/transfers")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class TransferPages extends ConsoleResource {

    @Inject
    TransferService transfers;

    @GET
    public TemplateInstance inTransit() {
        Actor actor = session.require();
        Chrome page = session.chrome(actor, "transfers", "Transfers in transit");
        return Pages.transfers(page, transfers.inTransit(actor));
    }
}
