package org.lotkeeper.client.sync;

import java.util.Objects;

/**
 * {@code POST /api/v1/devices/enroll} body: the code shown by the console, and what the device is.
 *
 * @param code    the enrollment code
 * @param model   the device model
 * @param profile the device profile name
 */
public record EnrollRequest(String code, String model, String profile) {

    public EnrollRequest {
        Objects.requireNonNull(code, "code");
    }
}
