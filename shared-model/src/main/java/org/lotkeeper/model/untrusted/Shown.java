package org.lotkeeper.model.untrusted;

/** Untrusted text as a message may repeat it: cut to a length, control characters as '?'. */
public final class Shown {

    private Shown() {}

    /** {@code text} cut to {@code max} characters (then "…"), each control character replaced by '?'. */
    public static String of(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
