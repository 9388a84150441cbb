package org.lotkeeper.client.sync;

import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/** Device enrollment (docs/PROTOCOL.md "Authentication"): an enrollment code for a device id and token. */
public interface EnrollApi {

    @POST("api/v1/devices/enroll")
    Call<EnrollResponse> enroll(@Body EnrollRequest request);
}
