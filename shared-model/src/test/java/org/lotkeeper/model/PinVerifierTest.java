package org.lotkeeper.model;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.PinVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PinVerifierTest {

    @Test
    void theRightPinMatchesOnTheDeviceItWasMadeFor() {
        String hash = PinVerifier.hashPin("482913");
        String verifier = PinVerifier.deviceVerifier(hash, PinVerifier.newDeviceSalt());
        assertThat(PinVerifier.matches("482913", verifier)).isTrue();
        assertThat(PinVerifier.matches("482914", verifier)).isFalse();
    }

    @Test
    void twoDevicesGetDifferentVerifiersForOnePin() {
        String hash = PinVerifier.hashPin("482913");
        String a = PinVerifier.deviceVerifier(hash, PinVerifier.newDeviceSalt());
        String b = PinVerifier.deviceVerifier(hash, PinVerifier.newDeviceSalt());
        assertThat(a).isNotEqualTo(b);
        assertThat(a).doesNotContain("482913");
    }

    @Test
    void pinsHaveSixToTwelveDigits() {
        assertThat(PinVerifier.problemWith("12345")).contains("6 to 12");
        assertThat(PinVerifier.problemWith("12345a")).contains("digits only");
        assertThat(PinVerifier.problemWith("000000")).contains("repeat");
        assertThat(PinVerifier.problemWith("1234567890123")).contains("6 to 12");
        assertThat(PinVerifier.problemWith("135792")).isNull();
        assertThatThrownBy(() -> PinVerifier.hashPin("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedVerifiersNeverMatchAndNeverThrow() {
        assertThat(PinVerifier.matches("482913", "garbage")).isFalse();
        assertThat(PinVerifier.matches("482913", "pbkdf2-sha256$x$y$z$w$v")).isFalse();
        assertThat(PinVerifier.matches("482913", "pbkdf2-sha256$99999999$AA$1$AA$AA"))
                .isFalse();
        assertThat(PinVerifier.matches("482913", null)).isFalse();
    }
}
