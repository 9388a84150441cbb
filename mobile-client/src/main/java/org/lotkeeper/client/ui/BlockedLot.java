package org.lotkeeper.client.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.model.lot.LotStatus;

/**
 * Whether a screen is about a lot that must not be used, and in which status, for the big red
 * banner: a refusal with one of the availability sentences of {@code Availability} (quarantine,
 * on hold, rejected, recalled, expired), or a lookup whose Status field is not RELEASED.
 * {@code BlockedLotTest} checks the sentences against {@code Availability} itself.
 */
public final class BlockedLot {

    private record Phrase(String text, String banner) {
    }

    private static final List<Phrase> PHRASES = List.of(
            new Phrase(" is in quarantine", "QUARANTINE"),
            new Phrase(" is on hold", "ON HOLD"),
            new Phrase(" was rejected by qa", "REJECTED"),
            new Phrase(" is recalled", "RECALLED"),
            new Phrase(" expired on ", "EXPIRED"));

    private BlockedLot() {
    }

    /** The status to show in the banner, e.g. "RECALLED"; empty when the screen is about no blocked lot. */
    public static Optional<String> of(Screen screen) {
        Optional<String> refused = screen.feedback().filter(f -> f.isError()).flatMap(f -> fromSentence(f.message()));
        if (refused.isPresent()) {
            return refused;
        }
        return screen.value("Status").filter(s -> isBlocked(s)).map(s -> s.replace('_', ' '));
    }

    /** The status named by an availability sentence, if it names one. */
    static Optional<String> fromSentence(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return PHRASES.stream().filter(p -> lower.contains(p.text())).map(Phrase::banner).findFirst();
    }

    private static boolean isBlocked(String status) {
        try {
            return LotStatus.valueOf(status) != LotStatus.RELEASED;
        } catch (IllegalArgumentException notAStatus) {
            return false;
        }
    }
}
