package org.lotkeeper.profiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The device's input hardware besides the scanner.
 *
 * @param touchScreen   whether the client may rely on touch; false for devices without a touch
 *                      screen and for devices whose operators cannot use it (gloves, cold store):
 *                      then every workflow, BACK and CONFIRM need a key
 * @param numericKeypad whether there are hardware digit keys (quantities are typed on them, no
 *                      on-screen keyboard is shown)
 * @param scanTriggerKey the key the scan trigger sends to the app, if it sends one: the client
 *                      never treats it as typing, and opens the camera scanner with it when
 *                      {@code scanInput.camera} is true; empty when the scan engine keeps the
 *                      trigger to itself (the usual case for a built-in scanner)
 * @param functionKeys  what each programmable key does, in the order the profile lists them
 */
public record HardwareKeys(
        boolean touchScreen, boolean numericKeypad, Optional<Key> scanTriggerKey, Map<Key, KeyAction> functionKeys) {

    public HardwareKeys {
        Objects.requireNonNull(scanTriggerKey, "scanTriggerKey");
        Objects.requireNonNull(functionKeys, "functionKeys");
        functionKeys.forEach((key, action) -> {
            Objects.requireNonNull(key, "functionKeys key");
            Objects.requireNonNull(action, "functionKeys action");
        });
        functionKeys = Collections.unmodifiableMap(new LinkedHashMap<>(functionKeys));
        Problems problems = new Problems();
        crossCheck(problems, scanTriggerKey, functionKeys);
        problems.throwIfAny("hardwareKeys");
    }

    static void crossCheck(Problems problems, Optional<Key> scanTriggerKey, Map<Key, KeyAction> functionKeys) {
        scanTriggerKey
                .filter(functionKeys::containsKey)
                .ifPresent(trigger -> problems.add(
                        "functionKeys." + trigger,
                        "is the scan trigger (scanTriggerKey) and cannot also be a function key"));
    }

    /** The action of {@code key}, if the profile gives it one. */
    public Optional<KeyAction> actionOf(Key key) {
        return Optional.ofNullable(functionKeys.get(key));
    }

    /** The keys that do {@code action}, in profile order; empty when none does. */
    public List<Key> keysFor(KeyAction action) {
        return functionKeys.entrySet().stream()
                .filter(e -> e.getValue() == action)
                .map(Map.Entry::getKey)
                .toList();
    }
}
