/**
 * Ports to the platform the client runs on (timers here; storage, display, audio, camera later),
 * with desktop adapters. Nothing here imports JavaFX or Gluon Attach.
 */
package org.lotkeeper.client.platform;
