package org.lotkeeper.model.wire;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The outcome of decoding input: either a value or at least one {@link FieldProblem}, never both.
 * Decoding never throws for bad input; it answers with a {@code Decoded} that failed.
 *
 * @param <T> the decoded type
 */
public final class Decoded<T> {

    private final T value;
    private final List<FieldProblem> problems;

    private Decoded(T value, List<FieldProblem> problems) {
        this.value = value;
        this.problems = problems;
    }

    /** A success. */
    public static <T> Decoded<T> ok(T value) {
        if (value == null) {
            throw new IllegalArgumentException("a decoded value is never null");
        }
        return new Decoded<>(value, List.of());
    }

    /** A failure with at least one problem. */
    public static <T> Decoded<T> failed(List<FieldProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a failure needs at least one problem");
        }
        return new Decoded<>(null, List.copyOf(problems));
    }

    /** A failure with one problem. */
    public static <T> Decoded<T> failed(FieldProblem problem) {
        return failed(List.of(problem));
    }

    /** True when a value was decoded. */
    public boolean isOk() {
        return value != null;
    }

    /** The value; {@link NoSuchElementException} when decoding failed. */
    public T value() {
        if (value == null) {
            throw new NoSuchElementException("decoding failed: " + problems.get(0));
        }
        return value;
    }

    /** The problems, in input order; empty on success. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first problem; {@link NoSuchElementException} on success. */
    public FieldProblem firstProblem() {
        if (problems.isEmpty()) {
            throw new NoSuchElementException("decoding succeeded");
        }
        return problems.get(0);
    }

    /** The value mapped, or the same problems. */
    public <U> Decoded<U> map(Function<? super T, ? extends U> f) {
        return isOk() ? Decoded.ok(f.apply(value)) : Decoded.failed(problems);
    }

    @Override
    public String toString() {
        return isOk() ? "ok(" + value + ")" : "failed" + problems;
    }
}
