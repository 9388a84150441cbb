package org.lotkeeper.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.quality.DocumentKind;
import org.lotkeeper.server.quality.DocumentService;
import org.lotkeeper.server.security.Actor;

/** What the console's pages share: the HTML answer, reading form fields, and refusals as sentences. */
final class Forms {

    private Forms() {}

    /** A rendered page with this status. */
    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** "ITEM LOT" (or "SUPPLIER SUPPLIER-LOT") per line; codes never hold spaces. */
    static List<String[]> pairs(String text, String what, List<String> problems) {
        List<String[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R", -1);
        if (lines.length > 1000) {
            problems.add("At most 1000 " + what + " per recall.");
            return out;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", -1);
            if (parts.length != 2) {
                problems.add("Line " + (i + 1) + " of the " + what + ": write two codes separated by a space, e.g. "
                        + (what.equals("lots") ? "RM-RESIN R-2401" : "ACME-RESINS ACR-779") + ".");
            } else {
                out.add(parts);
            }
        }
        return out;
    }

    static List<String> messages(Refused e) {
        List<String> out = new ArrayList<>();
        for (ValidationErrors.Problem p : ValidationErrors.of(e)) {
            out.add(String.valueOf(p.detail()));
        }
        if (out.isEmpty()) {
            out.add(e.getMessage());
        }
        return out;
    }

    /** An uploaded CSV file's text (UTF-8): refused when none was chosen or it is over {@code maxMegabytes}. */
    static String csvText(FileUpload file, int maxMegabytes) {
        if (file == null || file.fileName() == null || file.fileName().isEmpty()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "choose a CSV file", "file");
        }
        if (file.size() > maxMegabytes * 1024L * 1024) {
            throw Refused.of(ErrorCode.TOO_LARGE, "a CSV file may have at most " + maxMegabytes + " MB", "file");
        }
        try {
            return Files.readString(file.uploadedFile(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw Refused.invalid(
                    ErrorCode.BAD_FORMAT,
                    "the file is not UTF-8 text: save it as \"CSV UTF-8\" and upload it again",
                    "file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DocumentService.DocumentInfo uploadDocument(
            DocumentService documents, Actor actor, String kind, FileUpload file, List<LotRef> lotRefs) {
        if (file == null || file.fileName() == null || file.fileName().isEmpty()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "choose a file", "file");
        }
        DocumentKind documentKind;
        try {
            documentKind = DocumentKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "choose the kind of document from the list", "kind");
        }
        if (file.size() > DocumentService.MAX_BYTES) {
            throw Refused.of(ErrorCode.TOO_LARGE, "a document may have at most 20 MB", "file");
        }
        try {
            return documents.upload(
                    actor,
                    documentKind,
                    DocumentService.ownName(file.fileName()),
                    Files.readAllBytes(file.uploadedFile()),
                    lotRefs,
                    List.of(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
