package org.lotkeeper.server.api;

import jakarta.ws.rs.core.Response;

/** File answers: the media types the server exports and an attachment with its file name. */
public final class Downloads {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String PDF = "application/pdf";
    public static final String JSON_LD = "application/ld+json";

    private Downloads() {}

    /** {@code body} as a download named {@code filename} (a name the caller made safe). */
    public static Response attachment(Object body, String type, String filename) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
