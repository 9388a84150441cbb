package org.lotkeeper.server.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.PalletService;

/**
 * A pallet's page (docs/CONSOLE.md): what it holds, where, its history and its label, through the
 * same {@link PalletService} as {@code GET /api/v1/pallets/{sscc}}. The lot page links here from
 * its on-hand containers.
 */
@Path("/console/pallet")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PalletPages extends ConsoleResource {

    @Inject
    PalletService pallets;

    @GET
    public TemplateInstance pallet(@QueryParam("sscc") String sscc) {
        Actor actor = session.require();
        Chrome page = session.chrome(actor, "lots", "Pallet " + (sscc == null ? "" : sscc.strip()));
        return Pages.pallet(page, pallets.pallet(actor, sscc), page.labels());
    }
}
