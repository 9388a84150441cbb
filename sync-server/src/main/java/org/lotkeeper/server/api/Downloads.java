package org.lotkeeper.server.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** File answers: the media types the server exports and an attachment with its file name. */
public final class Downloads {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String PDF = "application/pdf";
    public static final String JSON_LD = "application/ld+json";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {}

    /**
     * The type a JSON-LD answer goes out as: {@value #JSON_LD}, or {@code application/json} for a
     * client that prefers it (EPCIS 2.0's REST binding allows both; the bytes are the same). The
     * first of the request's acceptable types, by preference, that either matches decides; the
     * resource's {@code @Produces} of both has already answered 406 to a client that takes neither.
     */
    public static String jsonLd(HttpHeaders request) {
        for (MediaType accepted : request.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.valueOf(JSON_LD))) {
                return JSON_LD;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON;
            }
        }
        return JSON_LD;
    }

    /** {@code body} as a download named {@code filename} (a name the caller made safe). */
    public static Response attachment(Object body, String type, String filename) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
