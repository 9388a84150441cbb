/**
 * Device profiles: what a scanner gun, a keypad scanner, a receiving tablet or a desktop offers
 * (screen, layout class, touch targets, scan input, hardware keys, feedback, workflows), as JSON
 * files with a validating loader.
 *
 * <p>{@link org.lotkeeper.profiles.DeviceProfiles#bundled()} lists the profiles shipped as
 * resources and picks one by name or device model ({@link org.lotkeeper.profiles.ProfileChoice}
 * says when it fell back to the default); {@link org.lotkeeper.profiles.ProfileLoader} reads a
 * custom profile and reports every problem with its JSON path. The schema is documented in the
 * module's README. Plain Java and Jackson: no JavaFX, Quarkus or Gluon.
 */
package org.lotkeeper.profiles;
