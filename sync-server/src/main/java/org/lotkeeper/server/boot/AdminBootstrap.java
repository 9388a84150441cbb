package org.lotkeeper.server.boot;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.lotkeeper.server.security.UserService;

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
        UserService.FirstAdmin first = users.createFirstAdmin(config.adminPassword());
        first.generatedPassword()
                .ifPresentOrElse(
                        password -> {
                            // Printed on the console, not logged: this is the one place the password appears.
                            System.out.println("""

                    ==================================================================
                      Lotkeeper first start: user 'admin' was created with password
                          %s
                      It is shown only now. Set LOTKEEPER_ADMIN_PASSWORD to choose it.
                    ==================================================================
                    """.formatted(password));
                        },
                        () -> LOG.debugf(
                                "admin %s",
                                first.created() ? "created with the configured password" : "not created: users exist"));
    }
}
