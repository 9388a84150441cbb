package org.lotkeeper.profiles;

/** How the client lays out its screens. */
public enum LayoutClass {
    /** A handheld (3–7 inch): one column, one thing at a time, big scan prompt. */
    COMPACT,
    /** A tablet (7–13 inch): two panes, e.g. the expected receipt next to what was scanned. */
    TABLET,
    /** A desktop window: tables, several panes, pointer and keyboard. */
    DESKTOP
}
