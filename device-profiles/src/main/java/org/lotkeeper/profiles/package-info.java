/**
 * Device profiles: what a scanner gun, a keypad scanner, a receiving tablet or a desktop offers
 * (screen, layout class, touch targets, scan input, hardware keys, feedback, workflows), as JSON
 * files with a validating loader. Filled by the device-profiles issue.
 */
package org.lotkeeper.profiles;
