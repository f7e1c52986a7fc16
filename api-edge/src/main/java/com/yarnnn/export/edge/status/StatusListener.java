package com.yarnnn.export.edge.status;

/** Where one watcher of an export is told each state it moves to, once and in order, up to a terminal one. */
@FunctionalInterface
public interface StatusListener {

    /**
     * Takes the export's state.
     *
     * @return false when the watcher has gone and wants nothing more
     */
    boolean onStatus(ExportStatusView view);
}
