package org.lotkeeper.client.sync;

import java.util.Objects;

import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.SiteCode;

/**
 * The answer to an enrollment.
 *
 * @param deviceId the id the server gave the device
 * @param token    the long-lived, revocable device token (never logged)
 * @param site     the site the enrollment code was made for, or null when the server does not say
 */
public record EnrollResponse(DeviceId deviceId, String token, SiteCode site, String deviceTag) {

    public EnrollResponse {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "EnrollResponse[deviceId=" + deviceId + ", site=" + site + "]";
    }
}
