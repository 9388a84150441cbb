package org.lotkeeper.client.core;

import java.util.EnumSet;
import java.util.Set;

import org.lotkeeper.client.scan.WedgeSettings;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.ScanInput;
import org.lotkeeper.profiles.Workflow;

/** What the client takes from a device profile: the keyboard-wedge settings and the workflows offered. */
public final class ProfileMapping {

    private ProfileMapping() {}

    /**
     * The wedge settings of a profile's scan input: its prefix (no suffix: profiles name none), its
     * terminator, its GS replacement (none when the scanner sends GS itself), inter-key gap and
     * minimum length. A profile whose scanner sends no terminator ({@code NONE}) maps to ENTER: the
     * UI ends such a burst itself after {@code interKeyMaxMillis} of quiet by passing an Enter key.
     */
    public static WedgeSettings wedgeSettings(ScanInput input) {
        WedgeSettings.Terminator terminator = switch (input.terminator()) {
            case TAB -> WedgeSettings.Terminator.TAB;
            case ENTER, NONE -> WedgeSettings.Terminator.ENTER;
        };
        char gs = input.groupSeparatorReplacement();
        Character replacement = gs == ScanInput.GS ? null : gs;
        return new WedgeSettings(
                input.prefix(), "", terminator, replacement, input.interKeyMaxMillis(), input.minScanLength());
    }

    /**
     * The workflows a device with this profile offers: the profile's own list, plus LOGIN (always)
     * and HOLD wherever LOOKUP is offered (profiles predate HOLD; a hold starts from looking a lot
     * up, and the workflow itself checks the user's role).
     */
    public static Set<WorkflowKind> workflows(DeviceProfile profile) {
        Set<WorkflowKind> kinds = EnumSet.of(WorkflowKind.LOGIN);
        for (Workflow w : profile.workflows()) {
            kinds.add(WorkflowKind.valueOf(w.name()));
        }
        if (kinds.contains(WorkflowKind.LOOKUP)) {
            kinds.add(WorkflowKind.HOLD);
        }
        return kinds;
    }
}
