package org.lotkeeper.server.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.lotkeeper.model.quantity.Uom;

/**
 * The FDA's electronic sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)) as an {@code .xlsx}: a first
 * sheet saying what was asked, by whom, when and at which ledger position, then one sheet per
 * critical tracking event with typed cells (dates as dates, quantities as numbers) under a frozen,
 * filterable header row. Written with POI's streaming workbook: only a window of rows per sheet is
 * in memory, the rest in compressed temporary files, so a recall of a million rows is written in
 * bounded memory. A sheet that reaches Excel's row limit goes on in "Shipping (2)" and so on.
 */
final class Fsma204Xlsx implements AutoCloseable {

    /** What a spreadsheet answers: the request in words, who asked, when, and the ledger position it shows. */
    record Request(String askedFor, String askedBy, Instant madeAt, long ledgerPosition, List<String> sites) {}

    /** Excel's last row is 1,048,576: the header and this many rows per sheet. */
    static final int MAX_ROWS = 1_048_575;

    private static final int WINDOW = 256;

    private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle time;
    private final CellStyle number;
    private final CellStyle text;
    private final Sheet request;
    private final Map<Fsma204.Cte, Part> parts = new EnumMap<>(Fsma204.Cte.class);

    /** One critical tracking event's sheets: the one being written, how many rows it and all of them hold. */
    private static final class Part {
        Sheet sheet;
        int sheets = 1;
        int rows;
        long total;
    }

    Fsma204Xlsx() {
        book.setCompressTempFiles(true);
        Font bold = book.createFont();
        bold.setBold(true);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        time = book.createCellStyle();
        time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        number = book.createCellStyle();
        number.setDataFormat(book.createDataFormat().getFormat("#,##0.######"));
        // every cell gets its style: a cell without one makes POI look up its column's, slowly
        text = book.createCellStyle();
        request = book.createSheet("Request");
        for (Fsma204.Cte cte : Fsma204.Cte.values()) {
            Part p = new Part();
            p.sheet = sheet(cte.label, Fsma204Columns.of(cte));
            parts.put(cte, p);
        }
    }

    private Sheet sheet(String name, List<Fsma204Columns.Column> columns) {
        Sheet s = book.createSheet(name);
        Row top = s.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = top.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(header);
            s.setColumnWidth(
                    i, 256 * Math.min(40, Math.max(12, columns.get(i).header().length() / 2 + 4)));
        }
        s.createFreezePane(0, 1);
        return s;
    }

    /** Adds one row to its event's sheet. */
    void add(Fsma204.Row r) {
        Part p = parts.get(r.cte());
        List<Fsma204Columns.Column> columns = Fsma204Columns.of(r.cte());
        if (p.rows == MAX_ROWS) {
            finish(p.sheet, p.rows, columns);
            p.sheets++;
            p.sheet = sheet(r.cte().label + " (" + p.sheets + ")", columns);
            p.rows = 0;
        }
        Row row = p.sheet.createRow(++p.rows);
        p.total++;
        for (int i = 0; i < columns.size(); i++) {
            Fsma204Columns.Column c = columns.get(i);
            Object value = c.value().apply(r);
            if (value != null) {
                set(row.createCell(i), c.kind(), value);
            }
        }
    }

    private void set(Cell cell, Fsma204Columns.Kind kind, Object value) {
        switch (kind) {
            case NUMBER -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(number);
            }
            case WHOLE -> {
                cell.setCellValue(((Long) value).doubleValue());
                cell.setCellStyle(text);
            }
            // as Excel's day numbers (1900 system): setCellValue(LocalDate) asks the workbook which system per cell
            case DATE -> {
                cell.setCellValue(DateUtil.getExcelDate((LocalDate) value));
                cell.setCellStyle(date);
            }
            case TIME -> {
                cell.setCellValue(DateUtil.getExcelDate(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)));
                cell.setCellStyle(time);
            }
            case UNIT -> {
                cell.setCellValue(((Uom) value).symbol());
                cell.setCellStyle(text);
            }
            case TEXT -> {
                cell.setCellValue((String) value);
                cell.setCellStyle(text);
            }
        }
    }

    /**
     * A finished sheet's filter over its rows and its columns' widths. Set last: POI looks up a
     * column's settings for every cell it makes, which costs more the more columns have some.
     */
    private static void finish(Sheet s, int rows, List<Fsma204Columns.Column> columns) {
        s.setAutoFilter(new CellRangeAddress(0, rows, 0, columns.size() - 1));
        for (int i = 0; i < columns.size(); i++) {
            s.setColumnWidth(
                    i, 256 * Math.min(40, Math.max(12, columns.get(i).header().length() / 2 + 4)));
        }
    }

    /** Rows written to {@code cte}'s sheets so far. */
    long rows(Fsma204.Cte cte) {
        return parts.get(cte).total;
    }

    /** Writes the first sheet and the workbook to {@code out}. */
    void finish(Request asked, OutputStream out) {
        parts.forEach((cte, p) -> finish(p.sheet, p.rows, Fsma204Columns.of(cte)));
        request.setColumnWidth(0, 256 * 34);
        request.setColumnWidth(1, 256 * 90);
        int n = 0;
        pair(
                n++,
                "Electronic sortable spreadsheet",
                "FSMA 204 key data elements (21 CFR 1.1455(c)(3)(ii)), made by Lotkeeper");
        pair(n++, "Asked for", asked.askedFor());
        pair(n++, "Asked by", asked.askedBy());
        Row made = request.createRow(n++);
        made.createCell(0).setCellValue("Made at (UTC)");
        set(made.createCell(1), Fsma204Columns.Kind.TIME, asked.madeAt());
        Row position = request.createRow(n++);
        position.createCell(0).setCellValue("Ledger position");
        position.createCell(1).setCellValue(asked.ledgerPosition());
        pair(n++, "Sites", asked.sites().isEmpty() ? "all" : String.join(", ", asked.sites()));
        for (Fsma204.Cte cte : Fsma204.Cte.values()) {
            Row count = request.createRow(n++);
            count.createCell(0).setCellValue(cte.label + " rows");
            count.createCell(1).setCellValue(rows(cte));
        }
        n++;
        for (String note : NOTES) {
            pair(n++, "Note", note);
        }
        try {
            book.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row pair(int at, String label, String value) {
        Row row = request.createRow(at);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return row;
    }

    static final List<String> NOTES = List.of(
            "Every event up to the ledger position above is included; nothing recorded after it is.",
            "Quantities are in the item's base unit. Dates are the local dates of the site where the event happened; "
                    + "'Event time (UTC)' is the device's time in UTC.",
            "A lot received with its supplier's lot code keeps that code as its traceability lot code, assigned by the "
                    + "supplier (the traceability lot code source). Lots the plant makes or receives without a code carry "
                    + "the plant's lot code, assigned at that site.",
            "A transformation has one row per input lot and new lot. Customer returns and transfers from a sister "
                    + "site are receiving; transfers to a sister site are shipping ('Event' says which).",
            "Names, addresses and GLNs are master data's at the time the spreadsheet was made, not at the ledger "
                    + "position; empty location cells are parts of an address master data does not hold.");

    /** Deletes the temporary files (POI's close of a streaming workbook does). */
    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
