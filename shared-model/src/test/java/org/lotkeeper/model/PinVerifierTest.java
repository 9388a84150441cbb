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
    void trivialPinsAreRefused() {
        assertThat(PinVerifier.problemWith("123456")).contains("run");
        assertThat(PinVerifier.problemWith("654321")).contains("run");
        assertThat(PinVerifier.problemWith("890123")).contains("run");
        assertThat(PinVerifier.problemWith("121212")).contains("pattern");
        assertThat(PinVerifier.problemWith("123123")).contains("pattern");
        assertThat(PinVerifier.problemWith("410023", "B-1002")).contains("badge");
        assertThat(PinVerifier.problemWith("410023", "B-2001")).isNull();
        assertThat(PinVerifier.problemWith("583920", "B-1002")).isNull();
    }

    @Test
    void theHashIsArgon2idAtTheStatedCostAndTheServerChecksIt() {
        String hash = PinVerifier.hashPin("482913");
        assertThat(hash).startsWith("argon2id$65536$3$");
        assertThat(PinVerifier.matchesHash("482913", hash)).isTrue();
        assertThat(PinVerifier.matchesHash("482914", hash)).isFalse();
    }

    @Test
    void aLegacyPbkdf2VerifierStillMatches() {
        // made by the PBKDF2 form before PINs moved to Argon2id: user salt AAAA…, device salt BBBB…
        String hash = "pbkdf2-sha256$60000$AAAAAAAAAAAAAAAAAAAAAA$" + "WX8bNCJDqX+NvUoePNpeGeepS5BjqH2KWrJf54orvk4";
        String verifier = PinVerifier.deviceVerifier(hash, "BBBBBBBBBBBBBBBBBBBBBA");
        assertThat(verifier).startsWith("pbkdf2-sha256$60000$");
        assertThat(PinVerifier.matchesHash("482913", hash)).isTrue();
        assertThat(PinVerifier.matches("482913", verifier)).isTrue();
        assertThat(PinVerifier.matches("482914", verifier)).isFalse();
    }

    @Test
    void aForgedVerifierCannotDemandAHugeCost() {
        assertThat(PinVerifier.matches("482913", "argon2id$99999999$3$AA$AA$AA"))
                .isFalse();
        assertThat(PinVerifier.matches("482913", "argon2id$65536$999$AA$AA$AA")).isFalse();
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
