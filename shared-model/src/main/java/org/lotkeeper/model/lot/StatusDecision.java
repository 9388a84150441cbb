package org.lotkeeper.model.lot;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link LotStatusRules#decide(StatusChangeRequest)}: {@link Allowed} (perhaps with
 * an electronic signature) or {@link Refused} with a code and a sentence.
 */
public sealed interface StatusDecision permits StatusDecision.Allowed, StatusDecision.Refused {

    /** The change may be made (once a required signature has been given). */
    boolean isAllowed();

    /**
     * The change may be made.
     *
     * @param signatureMeaning present when the change needs an electronic signature: the meaning
     *                         to suggest to the signer, e.g. "Released for use". The caller still
     *                         verifies the signature (the signer's own password) itself.
     */
    record Allowed(Optional<String> signatureMeaning) implements StatusDecision {

        public Allowed {
            Objects.requireNonNull(signatureMeaning, "signatureMeaning");
        }

        /** Allowed without a signature. */
        public static Allowed unsigned() {
            return new Allowed(Optional.empty());
        }

        /** Allowed once signed with this meaning. */
        public static Allowed signed(String meaning) {
            return new Allowed(Optional.of(meaning));
        }

        /** An electronic signature must be taken before the change is stored. */
        public boolean signatureRequired() {
            return signatureMeaning.isPresent();
        }

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /**
     * The change is refused.
     *
     * @param code    a stable code (maps to the problem+json {@code code})
     * @param message a sentence for the person who asked
     */
    record Refused(StatusRefusal code, String message) implements StatusDecision {

        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
