/**
 * Ports to the platform the client runs on — timers, audio feedback, app storage, camera — with
 * desktop adapters, chosen in one place ({@link org.lotkeeper.client.platform.PlatformServices}).
 * Nothing here imports JavaFX or Gluon Attach.
 */
package org.lotkeeper.client.platform;
