package com.mediassist.appliance.bundles.rest;

import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.HistoryEntry;
import java.util.List;

/**
 * The over-the-air view of the status page.
 *
 * @param active        the active bundle ({@code <id>-<version>}), or {@code shipped <version>}
 * @param previous      where a rollback goes, or null
 * @param staged        the newest verified bundle, or null
 * @param running       the bundle the live engine runs
 * @param watching      the bundle whose health gate is open, or null
 * @param polling       whether an update repository is configured
 * @param lastProblem   the background work's last problem, or null
 * @param kept          bundles kept on disk, oldest first
 * @param history       update history, newest first (at most 50)
 * @param knowledge     the same for knowledge bundles ({@code running}: the knowledge version answering now;
 *                      its own {@code knowledge} is null)
 */
public record BundlesView(String active, String previous, String staged, String running, String watching,
                          boolean polling, String lastProblem, List<BundleRef> kept, List<HistoryEntry> history,
                          BundlesView knowledge) {
}
