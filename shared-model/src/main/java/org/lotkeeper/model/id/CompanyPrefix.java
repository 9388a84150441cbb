package org.lotkeeper.model.id;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/**
 * A GS1 company prefix: the 6 to 12 digits GS1 licensed to the company, with which its SSCCs (and
 * GTINs, GLNs) begin. A site's prefix numbers the pallets it builds (docs/DOMAIN.md, "Containers").
 */
public record CompanyPrefix(String value) implements TextId {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 12;

    public CompanyPrefix {
        Gs1Digits.requireDigits("GS1 company prefix", value);
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(
                    "GS1 company prefix",
                    Reason.BAD_LENGTH,
                    -1,
                    "a GS1 company prefix has " + MIN_LENGTH + " to " + MAX_LENGTH + " digits, not " + value.length());
        }
    }

    public static CompanyPrefix of(String value) {
        return new CompanyPrefix(value);
    }

    /**
     * How many SSCCs this prefix can number: the extension digit and the serial reference together
     * have {@code 17 - length} digits.
     */
    public long ssccCapacity() {
        long n = 1;
        for (int i = 0; i < 17 - value.length(); i++) {
            n *= 10;
        }
        return n;
    }

    /**
     * The SSCC numbered {@code number} under this prefix: its leading digit becomes the extension
     * digit and the rest the serial reference, then the check digit is appended.
     *
     * @throws IllegalArgumentException when the number is outside {@code [0, ssccCapacity())}
     */
    public Sscc sscc(long number) {
        if (number < 0 || number >= ssccCapacity()) {
            throw new IllegalArgumentException(
                    "SSCC number " + number + " is outside 0 … " + (ssccCapacity() - 1) + " of prefix " + value);
        }
        String digits = String.format("%0" + (17 - value.length()) + "d", number);
        return new Sscc(Gs1Digits.withCheckDigit(digits.charAt(0) + value + digits.substring(1)));
    }

    @Override
    public String toString() {
        return value;
    }
}
