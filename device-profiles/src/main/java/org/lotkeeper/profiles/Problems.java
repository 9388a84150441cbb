package org.lotkeeper.profiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a profile is checked. {@link #at} gives a view for a nested object that
 * adds to the same list with a longer path.
 */
final class Problems {

    private final List<Problem> list;
    private final String base;

    Problems() {
        this(new ArrayList<>(), "");
    }

    private Problems(List<Problem> list, String base) {
        this.list = list;
        this.base = base;
    }

    /** The view for the object in {@code field}. */
    Problems at(String field) {
        return new Problems(list, path(field));
    }

    /** The view for element {@code index} of the array this view stands for. */
    Problems at(int index) {
        return new Problems(list, base + "[" + index + "]");
    }

    /** The path of {@code field} in this view's object; the view's own path for an empty field. */
    String path(String field) {
        if (field.isEmpty()) {
            return base;
        }
        return base.isEmpty() ? field : base + "." + field;
    }

    void add(String field, String message) {
        list.add(new Problem(path(field), message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int count() {
        return list.size();
    }

    List<Problem> list() {
        return List.copyOf(list);
    }

    /** For the records' own constructors: throw when anything was found. */
    void throwIfAny(String what) {
        if (!list.isEmpty()) {
            throw new IllegalArgumentException("Invalid " + what + ": " + list);
        }
    }
}
