package org.lotkeeper.model.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Makes RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then random bits. Within one
 * generator the ids are strictly increasing even when the clock stands still or steps back
 * (method 1 of RFC 9562 §6.2: a 12-bit counter in {@code rand_a}, the timestamp carried forward
 * when the counter overflows), so a device's ids sort in capture order.
 */
public final class UuidV7Generator {

    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private int counter;

    public UuidV7Generator(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public UuidV7Generator() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public synchronized EventId next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = random.nextInt(1 << 11); // leave headroom so the counter rarely overflows
        } else {
            counter++;
            if (counter > 0xFFF) {
                lastMillis++;
                counter = 0;
            }
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new EventId(new UUID(msb, lsb));
    }
}
