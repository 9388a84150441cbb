package org.lotkeeper.client.e2e;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.client.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user an admin disables loses the handheld too (docs/SECURITY.md, "Disabling a user"), played on
 * the simulator's gun against the packaged server: ben signs in with badge and PIN; the admin
 * disables him; after the gun's next sync his badge is not known on it (the PIN verifier is gone
 * from the device file), while ana still signs in; enabled again, he signs in after the next sync.
 */
class DisabledUserIT {

    @Test
    void aDisabledOperatorsBadgeIsUnknownOnTheGunAfterItsNextSyncAndWorksAgainOnceEnabled() throws Exception {
        try (SimPlant plant = SimPlant.start("disabled-user")) {
            Simulator sim = plant.simulator("devices", Clock.system(ZoneId.systemDefault()));
            plant.enrollDockAndGun(sim);
            plant.play(sim, List.of("device gun-1", "login B-1002 583920", "logout"));

            String admin = plant.api.token("admin", ServerProcess.ADMIN_PASSWORD);
            assertThat(plant.api
                            .call("POST", "/api/v1/masterdata/users/ben/disable", admin, null)
                            .get("enabled")
                            .asBoolean())
                    .isFalse();
            plant.play(sim, List.of("device gun-1", "sync"));
            assertThat(plant.playToError(sim, List.of("device gun-1", "login B-1002 583920")))
                    .contains("login failed")
                    .contains("B-1002 is not known on this device");
            plant.play(sim, List.of("device gun-1", "login B-1001 471147", "logout"));

            plant.api.call("POST", "/api/v1/masterdata/users/ben/enable", admin, null);
            plant.play(sim, List.of("device gun-1", "sync", "login B-1002 583920", "logout"));
        }
    }
}
