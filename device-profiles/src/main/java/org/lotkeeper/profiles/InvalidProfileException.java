package org.lotkeeper.profiles;

import java.util.List;
import java.util.Objects;

/**
 * A profile (or the profile index) that cannot be used, with every problem found in it. The
 * message names the source and lists each problem with its JSON path, e.g.
 * {@code zebra-tc5x.json: scanInput.interKeyMaxMillis must be between 1 and 200}.
 */
public final class InvalidProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Problem> problems;

    public InvalidProfileException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
    }

    /** Where the profile came from: a file name or a resource name. */
    public String source() {
        return source;
    }

    /** Every problem, in document order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String source, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid profile has at least one problem");
        }
        if (problems.size() == 1) {
            return source + ": " + problems.get(0);
        }
        StringBuilder text =
                new StringBuilder(source).append(": ").append(problems.size()).append(" problems");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append(source).append(": ").append(problem);
        }
        return text.toString();
    }
}
