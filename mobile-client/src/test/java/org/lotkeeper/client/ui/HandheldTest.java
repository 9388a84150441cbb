package org.lotkeeper.client.ui;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A screen test on one {@link Handheld} in a temp directory, closed after each test. */
abstract class HandheldTest {

    @TempDir
    Path dir;

    Handheld device;

    @AfterEach
    void closeDevice() throws Exception {
        if (device != null) {
            device.close();
        }
    }
}
