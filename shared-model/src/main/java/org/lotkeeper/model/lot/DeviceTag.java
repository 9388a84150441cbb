package org.lotkeeper.model.lot;

import java.util.Objects;

import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/**
 * The short tag of a device that {@link LotPattern}s embed as {@code {DEV}}, so that devices
 * working offline never generate the same lot code.
 *
 * <p><b>How it is derived.</b> A {@link org.lotkeeper.model.id.DeviceId} is a server-assigned
 * string of up to 40 characters; no fixed cut of it (its last N characters, a hash) is unique, so
 * the tag is not cut from the id. Instead the server gives every enrolled device an
 * <em>enrollment number</em> from a sequence that is never reused (not even after a device is
 * revoked), and the tag is that number in base 36, upper case, without leading zeros: device 1
 * is {@code 1}, device 35 is {@code Z}, device 36 is {@code 10}, device 1,679,615 is
 * {@code ZZZZ}. The device receives its tag with its enrollment and keeps it beside its
 * DeviceId. Different numbers give different tags, so different devices have different tags.
 *
 * @param value 1–{@value #MAX_LENGTH} characters of {@code 0-9A-Z}, not starting with {@code 0}
 */
public record DeviceTag(String value) {

    /** The longest tag; patterns reserve this many characters for {@code {DEV}}. */
    public static final int MAX_LENGTH = 4;
    /** The largest enrollment number a tag can carry ({@code ZZZZ}). */
    public static final long MAX_NUMBER = 36L * 36 * 36 * 36 - 1;

    /** Validates the tag: 1–4 characters of 0-9 and A-Z, not starting with 0. */
    public DeviceTag {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException("device tag", Reason.EMPTY, -1, "device tag is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(
                    "device tag",
                    Reason.TOO_LONG,
                    MAX_LENGTH,
                    "device tag is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!ok || (i == 0 && c == '0')) {
                throw new InvalidIdentifierException(
                        "device tag",
                        Reason.BAD_CHARACTER,
                        i,
                        "device tag may only contain 0-9 and A-Z and may not start with 0");
            }
        }
    }

    /** The tag of the device with this enrollment number (1 to {@value #MAX_NUMBER}). */
    public static DeviceTag forEnrollmentNumber(long number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException(
                    "enrollment number must be between 1 and " + MAX_NUMBER + ", not " + number);
        }
        return new DeviceTag(Long.toString(number, 36).toUpperCase(java.util.Locale.ROOT));
    }

    /** A tag as stored or received; validated. */
    public static DeviceTag of(String value) {
        return new DeviceTag(value);
    }

    /** The enrollment number this tag stands for. */
    public long enrollmentNumber() {
        return Long.parseLong(Objects.requireNonNull(value), 36);
    }

    @Override
    public String toString() {
        return value;
    }
}
