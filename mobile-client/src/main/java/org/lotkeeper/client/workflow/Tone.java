package org.lotkeeper.client.workflow;

/** How a scan or action went: the UI plays a good tone and shows green, or an error tone and red. */
public enum Tone {
    GOOD,
    ERROR
}
