package org.lotkeeper.server.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;

/** Field paths as the API reports them: {@code items[2].gtin}. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(List<Reference> path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Reference r : path) {
            if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
