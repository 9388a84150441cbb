package org.lotkeeper.client.sync;

import org.lotkeeper.client.store.DeviceSettings;

/**
 * Enrolls the device with a code from the console and records the answer (device id, token, site)
 * in the device settings. The outbox is kept: events captured before a re-enrollment are still
 * pushed afterwards.
 */
public final class DeviceEnrollment {

    private final EnrollApi api;
    private final DeviceSettings settings;

    public DeviceEnrollment(EnrollApi api, DeviceSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /**
     * Enrolls; on success the settings hold the server URL, device id, token and site.
     *
     * @param serverUrl the base URL the {@link SyncClient} of {@code api} talks to
     */
    public ApiResult<EnrollResponse> enroll(String serverUrl, String code, String model, String profile) {
        ApiResult<EnrollResponse> result = ApiCalls.execute(api.enroll(new EnrollRequest(code, model, profile)));
        if (result instanceof ApiResult.Success<EnrollResponse> s) {
            EnrollResponse r = s.body();
            settings.saveEnrollment(serverUrl, r.deviceId(), r.token(), r.site(), r.deviceTag());
        }
        return result;
    }
}
