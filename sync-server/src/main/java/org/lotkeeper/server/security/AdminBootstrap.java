package org.lotkeeper.server.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.lotkeeper.server.boot.LotkeeperConfig;

/**
 * On the first start (no users yet) creates {@code admin} with {@code LOTKEEPER_ADMIN_PASSWORD},
 * or with a generated password printed once to the console.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    UserService users;

    @Inject
    LotkeeperConfig config;

    void onStart(@Observes StartupEvent event) {
        boolean generated = config.adminPassword().isEmpty();
        String password = config.adminPassword().orElseGet(() -> Secrets.humanCode(16));
        if (users.createFirstAdmin(password) && generated) {
            // Printed on the console, not logged: this is the one place the password appears.
            System.out.println("""

                    ==================================================================
                      Lotkeeper first start: user 'admin' was created with password
                          %s
                      It is shown only now. Set LOTKEEPER_ADMIN_PASSWORD to choose it.
                    ==================================================================
                    """.formatted(password));
        } else if (generated) {
            LOG.debug("users exist; no admin created");
        }
    }
}
