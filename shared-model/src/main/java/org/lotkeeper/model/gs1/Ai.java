package org.lotkeeper.model.gs1;

import org.lotkeeper.model.quantity.Uom;

/**
 * One Application Identifier Lotkeeper understands: its format, title and rules. The table is
 * the single source for the decoder, the encoder and {@link Gs1Element#title()}; lookups are
 * array indexed, so the hot path has no hashing and no regex.
 */
final class Ai {

    /** The shape of an AI's value. */
    enum Kind {
        /** N, fixed length, maybe with a mod-10 check digit over the whole value. */
        NUM_FIXED,
        /** N..max. */
        NUM_VAR,
        /** X..max (GS1 set 82). */
        ALNUM_VAR,
        /** N6 YYMMDD, DD = 00 allowed. */
        DATE,
        /** N10 YYMMDDHHMM (7003), DD = 00 not allowed. */
        DATE_TIME,
        /** N6 YYMMDD (DD = 00 allowed) and an optional N4 HHMM (7011): variable length, 6 or 10. */
        DATE_OPTIONAL_TIME,
        /** N6 with an implied decimal point. */
        MEASURE,
        /** 8003: N14 (leading 0, N13 with check digit) + X..16. */
        GRAI
    }

    final String code;
    final String title;
    final Kind kind;
    final int max;
    final boolean checkDigit;
    /** In the predefined-length table: never needs a separator. */
    final boolean predefined;
    // Measures only.
    final int decimals;
    final String unitCode;
    final Uom uom;
    final boolean logistic;
    /** The AI with the decimal digit removed (e.g. "310"), for measures; else the code. */
    final String family;

    private Ai(
            String code,
            String title,
            Kind kind,
            int max,
            boolean checkDigit,
            int decimals,
            String unitCode,
            Uom uom,
            boolean logistic) {
        this.code = code;
        this.title = title;
        this.kind = kind;
        this.max = max;
        this.checkDigit = checkDigit;
        this.predefined = predefinedLength(code.charAt(0) - '0', code.charAt(1) - '0');
        this.decimals = decimals;
        this.unitCode = unitCode;
        this.uom = uom;
        this.logistic = logistic;
        this.family = kind == Kind.MEASURE ? code.substring(0, 3) : code;
    }

    boolean isFixedLength() {
        return kind == Kind.NUM_FIXED || kind == Kind.DATE || kind == Kind.DATE_TIME || kind == Kind.MEASURE;
    }

    boolean isAlphanumeric() {
        return kind == Kind.ALNUM_VAR;
    }

    // ---------------------------------------------------------------- table

    private static final Ai[] TWO = new Ai[100];
    private static final Ai[] THREE = new Ai[1000];
    private static final Ai[] FOUR = new Ai[10000];

    static final Ai SSCC = fixed("00", "SSCC", 18, true);
    static final Ai GTIN = fixed("01", "GTIN", 14, true);
    static final Ai CONTENT = fixed("02", "CONTENT", 14, true);
    static final Ai LOT = alnum("10", "BATCH/LOT", 20);
    static final Ai PROD_DATE = date("11", "PROD DATE");
    static final Ai PACK_DATE = date("13", "PACK DATE");
    static final Ai BEST_BEFORE = date("15", "BEST BEFORE or BEST BY");
    static final Ai SELL_BY = date("16", "SELL BY");
    static final Ai EXPIRY = date("17", "USE BY OR EXPIRY");
    static final Ai SERIAL = alnum("21", "SERIAL", 20);
    static final Ai CPV = alnum("22", "CPV", 20);
    static final Ai VAR_COUNT = put(new Ai("30", "VAR. COUNT", Kind.NUM_VAR, 8, false, 0, null, null, false));
    static final Ai COUNT = put(new Ai("37", "COUNT", Kind.NUM_VAR, 8, false, 0, null, null, false));
    static final Ai ADDITIONAL_ID = alnum("240", "ADDITIONAL ID", 30);
    static final Ai CUSTOMER_PART_NO = alnum("241", "CUST. PART No.", 30);
    static final Ai SECONDARY_SERIAL = alnum("250", "SECONDARY SERIAL", 30);
    static final Ai SOURCE_REF = alnum("251", "REF. TO SOURCE", 30);
    static final Ai GLN_EXTENSION = alnum("254", "GLN EXTENSION COMPONENT", 20);
    static final Ai ORDER_NUMBER = alnum("400", "ORDER NUMBER", 30);
    static final Ai GINC = alnum("401", "GINC", 30);
    static final Ai GSIN = fixed("402", "GSIN", 17, true);
    static final Ai SHIP_TO = fixed("410", "SHIP TO LOC", 13, true);
    static final Ai BILL_TO = fixed("411", "BILL TO", 13, true);
    static final Ai PURCHASE_FROM = fixed("412", "PURCHASE FROM", 13, true);
    static final Ai SHIP_FOR = fixed("413", "SHIP FOR LOC", 13, true);
    static final Ai LOC_NO = fixed("414", "LOC No.", 13, true);
    static final Ai PAY_TO = fixed("415", "PAY TO", 13, true);
    static final Ai PROD_SERV_LOC = fixed("416", "PROD/SERV LOC", 13, true);
    static final Ai PARTY = fixed("417", "PARTY", 13, true);
    static final Ai ORIGIN = fixed("422", "ORIGIN", 3, false);
    static final Ai EXPIRY_TIME = put(new Ai("7003", "EXPIRY TIME", Kind.DATE_TIME, 10, false, 0, null, null, false));
    static final Ai TEST_BY =
            put(new Ai("7011", "TEST BY DATE", Kind.DATE_OPTIONAL_TIME, 10, false, 0, null, null, false));
    static final Ai GRAI = put(new Ai("8003", "GRAI", Kind.GRAI, 30, true, 0, null, null, false));
    static final Ai GIAI = alnum("8004", "GIAI", 30);
    static final Ai PAYMENT_REF = alnum("8020", "REF No.", 25);

    static {
        // 310n–369n: family, title, Rec 20 unit, Lotkeeper unit (null when Uom lacks it), logistic.
        measure("310", "NET WEIGHT (kg)", "KGM", Uom.KGM, false);
        measure("311", "LENGTH (m)", "MTR", null, false);
        measure("312", "WIDTH (m)", "MTR", null, false);
        measure("313", "HEIGHT (m)", "MTR", null, false);
        measure("314", "AREA (m²)", "MTK", null, false);
        measure("315", "NET VOLUME (l)", "LTR", Uom.LTR, false);
        measure("316", "NET VOLUME (m³)", "MTQ", Uom.MTQ, false);
        measure("320", "NET WEIGHT (lb)", "LBR", Uom.LBR, false);
        measure("321", "LENGTH (in)", "INH", null, false);
        measure("322", "LENGTH (ft)", "FOT", null, false);
        measure("323", "LENGTH (yd)", "YRD", null, false);
        measure("324", "WIDTH (in)", "INH", null, false);
        measure("325", "WIDTH (ft)", "FOT", null, false);
        measure("326", "WIDTH (yd)", "YRD", null, false);
        measure("327", "HEIGHT (in)", "INH", null, false);
        measure("328", "HEIGHT (ft)", "FOT", null, false);
        measure("329", "HEIGHT (yd)", "YRD", null, false);
        measure("330", "GROSS WEIGHT (kg)", "KGM", Uom.KGM, true);
        measure("331", "LENGTH (m), log", "MTR", null, true);
        measure("332", "WIDTH (m), log", "MTR", null, true);
        measure("333", "HEIGHT (m), log", "MTR", null, true);
        measure("334", "AREA (m²), log", "MTK", null, true);
        measure("335", "VOLUME (l), log", "LTR", Uom.LTR, true);
        measure("336", "VOLUME (m³), log", "MTQ", Uom.MTQ, true);
        measure("337", "KG PER m²", "28", null, false);
        measure("340", "GROSS WEIGHT (lb)", "LBR", Uom.LBR, true);
        measure("341", "LENGTH (in), log", "INH", null, true);
        measure("342", "LENGTH (ft), log", "FOT", null, true);
        measure("343", "LENGTH (yd), log", "YRD", null, true);
        measure("344", "WIDTH (in), log", "INH", null, true);
        measure("345", "WIDTH (ft), log", "FOT", null, true);
        measure("346", "WIDTH (yd), log", "YRD", null, true);
        measure("347", "HEIGHT (in), log", "INH", null, true);
        measure("348", "HEIGHT (ft), log", "FOT", null, true);
        measure("349", "HEIGHT (yd), log", "YRD", null, true);
        measure("350", "AREA (in²)", "INK", null, false);
        measure("351", "AREA (ft²)", "FTK", null, false);
        measure("352", "AREA (yd²)", "YDK", null, false);
        measure("353", "AREA (in²), log", "INK", null, true);
        measure("354", "AREA (ft²), log", "FTK", null, true);
        measure("355", "AREA (yd²), log", "YDK", null, true);
        measure("356", "NET WEIGHT (troy oz)", "APZ", null, false);
        measure("357", "NET VOLUME (oz)", "OZA", null, false);
        measure("360", "NET VOLUME (qt)", "QTL", null, false);
        measure("361", "NET VOLUME (US gal)", "GLL", Uom.GLL, false);
        measure("362", "VOLUME (qt), log", "QTL", null, true);
        measure("363", "VOLUME (US gal), log", "GLL", Uom.GLL, true);
        measure("364", "VOLUME (in³)", "INQ", null, false);
        measure("365", "VOLUME (ft³)", "FTQ", null, false);
        measure("366", "VOLUME (yd³)", "YDQ", null, false);
        measure("367", "VOLUME (in³), log", "INQ", null, true);
        measure("368", "VOLUME (ft³), log", "FTQ", null, true);
        measure("369", "VOLUME (yd³), log", "YDQ", null, true);
    }

    private static Ai put(Ai ai) {
        String c = ai.code;
        int n = Integer.parseInt(c);
        switch (c.length()) {
            case 2 -> TWO[n] = ai;
            case 3 -> THREE[n] = ai;
            default -> FOUR[n] = ai;
        }
        return ai;
    }

    private static Ai fixed(String code, String title, int length, boolean checkDigit) {
        return put(new Ai(code, title, Kind.NUM_FIXED, length, checkDigit, 0, null, null, false));
    }

    private static Ai alnum(String code, String title, int max) {
        return put(new Ai(code, title, Kind.ALNUM_VAR, max, false, 0, null, null, false));
    }

    private static Ai date(String code, String title) {
        return put(new Ai(code, title, Kind.DATE, 6, false, 0, null, null, false));
    }

    private static void measure(String family, String title, String unit, Uom uom, boolean logistic) {
        for (int n = 0; n <= 5; n++) {
            put(new Ai(family + n, title, Kind.MEASURE, 6, false, n, unit, uom, logistic));
        }
    }

    /**
     * The length of an AI from its first two digits (GS1 General Specifications, the AI-prefix
     * table), so that an unknown AI is reported whole ("3106", not "31").
     */
    static int aiLength(int d1, int d2) {
        int p = d1 * 10 + d2;
        if (p == 23 || p == 24 || p == 25 || (p >= 40 && p <= 42)) {
            return 3;
        }
        if ((p >= 31 && p <= 36) || p == 39 || p == 43 || (p >= 70 && p <= 72) || (p >= 80 && p <= 82)) {
            return 4;
        }
        return 2;
    }

    /** AIs starting with these two digits have a predefined length and never need a separator. */
    static boolean predefinedLength(int d1, int d2) {
        int p = d1 * 10 + d2;
        return p <= 4 || (p >= 11 && p <= 20) || (p >= 31 && p <= 36) || p == 41;
    }

    /** The AI whose digits are {@code s[from, from + length)} (all digits), or null. */
    static Ai lookup(CharSequence s, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return switch (length) {
            case 2 -> TWO[n];
            case 3 -> THREE[n];
            case 4 -> FOUR[n];
            default -> null;
        };
    }

    /** The AI with this code, or null. */
    static Ai byCode(String code) {
        if (code == null || code.length() < 2 || code.length() > 4) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        if (aiLength(code.charAt(0) - '0', code.charAt(1) - '0') != code.length()) {
            return null;
        }
        return lookup(code, 0, code.length());
    }

    /** What the operator calls this field, for messages: "GTIN", "lot", "expiry date" … */
    String noun() {
        return switch (code) {
            case "00" -> "SSCC";
            case "01" -> "GTIN";
            case "02" -> "content GTIN";
            case "10" -> "lot";
            case "11" -> "production date";
            case "13" -> "packaging date";
            case "15" -> "best-before date";
            case "16" -> "sell-by date";
            case "17" -> "expiry date";
            case "21" -> "serial number";
            case "22" -> "variant";
            case "30", "37" -> "count";
            case "240" -> "additional id";
            case "241" -> "customer part number";
            case "250" -> "secondary serial number";
            case "251" -> "source reference";
            case "254" -> "GLN extension";
            case "400" -> "order number";
            case "401" -> "consignment number";
            case "402" -> "shipment number";
            case "410", "411", "412", "413", "414", "415", "416", "417" -> "GLN";
            case "422" -> "country of origin";
            case "7003" -> "expiry date and time";
            case "7011" -> "test-by date";
            case "8003" -> "GRAI";
            case "8004" -> "GIAI";
            case "8020" -> "payment slip reference";
            default -> "measure " + title;
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
