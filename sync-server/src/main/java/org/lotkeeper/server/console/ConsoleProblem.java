package org.lotkeeper.server.console;

/**
 * Why a console request stops: not signed in (the browser is sent to the sign-in page), a role or
 * a cross-site check refuses it (a 403 page), or something named is not there (404 page).
 */
public class ConsoleProblem extends RuntimeException {

    private final int status;
    private final boolean signIn;

    ConsoleProblem(int status, String message, boolean signIn) {
        super(message);
        this.status = status;
        this.signIn = signIn;
    }

    static ConsoleProblem signIn() {
        return new ConsoleProblem(401, "Please sign in.", true);
    }

    static ConsoleProblem forbidden(String message) {
        return new ConsoleProblem(403, message, false);
    }

    static ConsoleProblem notFound(String message) {
        return new ConsoleProblem(404, message, false);
    }

    int status() {
        return status;
    }

    boolean signInFirst() {
        return signIn;
    }
}
