package org.lotkeeper.client.sim;

/** A script line the simulator cannot parse or carry out; the script stops with exit code 2. */
final class ScriptError extends Exception {

    ScriptError(String message) {
        super(message, null, false, false);
    }
}
