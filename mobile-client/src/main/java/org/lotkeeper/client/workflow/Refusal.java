package org.lotkeeper.client.workflow;

/** A scan or action a workflow cannot use; the message is the ERROR sentence for the operator. */
final class Refusal extends RuntimeException {

    Refusal(String message) {
        super(message, null, false, false);
    }
}
