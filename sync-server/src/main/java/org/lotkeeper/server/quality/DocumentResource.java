package org.lotkeeper.server.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code POST /api/v1/documents} (multipart: {@code file}, {@code kind}, {@code lots} as a JSON
 * array of {@code {"item", "lot"}}, {@code items} as a JSON array of item codes) and
 * {@code GET /api/v1/documents/{id}}.
 */
@Path("/api/v1/documents")
public class DocumentResource {

    public record UploadResponse(
            UUID documentId, String sha256, String kind, String filename, String contentType, long size) {}

    @Inject
    DocumentService documents;

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"QA", "SUPERVISOR"})
    public UploadResponse upload(
            @RestForm("file") FileUpload file,
            @RestForm("kind") String kind,
            @RestForm("lots") String lots,
            @RestForm("items") String items,
            @RestForm("site") String site) {
        if (file == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a file is required", "file");
        }
        DocumentKind documentKind = kind(kind);
        byte[] content;
        try {
            if (file.size() > DocumentService.MAX_BYTES) {
                throw Refused.of(ErrorCode.TOO_LARGE, "a document may have at most 20 MB", "file");
            }
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentService.DocumentInfo info = documents.upload(
                actor.get(),
                documentKind,
                DocumentService.ownName(file.fileName()),
                content,
                lotRefs(lots),
                itemCodes(items),
                site);
        return new UploadResponse(
                info.documentId(),
                info.sha256(),
                info.kind().name(),
                info.filename(),
                info.contentType(),
                info.sizeBytes());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"QA", "SUPERVISOR", "OPERATOR", "RECEIVER"})
    public Response download(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refused.notFound("no document " + id.replaceAll("[^A-Za-z0-9-]", "?"));
        }
        DocumentService.DocumentFile f =
                documents.download(actor.get(), uuid).orElseThrow(() -> Refused.notFound("no document " + uuid));
        return Response.ok(f.content(), f.info().contentType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + f.info().filename().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", f.info().sha256())
                .build();
    }

    private static DocumentKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "kind is required (COA, SDS, TEST_RESULT, RELEASE_RECORD, DEVIATION)",
                    "kind");
        }
        try {
            return DocumentKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw Refused.invalid(
                    ErrorCode.UNKNOWN_ENUM, "kind must be COA, SDS, TEST_RESULT, RELEASE_RECORD or DEVIATION", "kind");
        }
    }

    private List<LotRef> lotRefs(String json) {
        List<LotRef> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode node = parse(json, "lots");
        if (!node.isArray() || node.size() > 1000) {
            throw Refused.invalid(
                    ErrorCode.WRONG_TYPE, "lots must be a JSON array of {\"item\", \"lot\"} (at most 1000)", "lots");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            try {
                out.add(LotRef.of(n.path("item").asText(null), n.path("lot").asText(null)));
            } catch (InvalidIdentifierException | NullPointerException e) {
                throw Refused.invalid(
                        ErrorCode.INVALID_FIELD, "lots[" + i + "] needs a valid item and lot", "lots[" + i + "]");
            }
        }
        return out;
    }

    private List<String> itemCodes(String json) {
        List<String> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode node = parse(json, "items");
        if (!node.isArray() || node.size() > 1000) {
            throw Refused.invalid(
                    ErrorCode.WRONG_TYPE, "items must be a JSON array of item codes (at most 1000)", "items");
        }
        for (int i = 0; i < node.size(); i++) {
            try {
                out.add(ItemCode.of(node.get(i).asText(null)).value());
            } catch (InvalidIdentifierException e) {
                throw Refused.invalid(
                        ErrorCode.INVALID_FIELD, "items[" + i + "]: " + e.getMessage(), "items[" + i + "]");
            }
        }
        return out;
    }

    private JsonNode parse(String json, String field) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw Refused.invalid(ErrorCode.MALFORMED_JSON, field + " is not valid JSON", field);
        }
    }
}
