package org.lotkeeper.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** What a person reads in a PDF the server made: its text, page after page. */
public final class Pdfs {

    private Pdfs() {}

    /** The text of every page, each followed by a line break. */
    public static String text(byte[] pdf) {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
