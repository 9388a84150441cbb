/**
 * The handheld client: {@code scan} (input sources), {@code workflow} (UI-free state machines),
 * {@code store} (SQLite outbox and reference cache), {@code sync} (Retrofit API and sync engine),
 * {@code platform} (ports with Gluon Attach and desktop adapters), {@code ui} (JavaFX views and
 * view models) and {@code sim} (headless simulator). Nothing below {@code ui} imports JavaFX.
 */
package org.lotkeeper.client;
