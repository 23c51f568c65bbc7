/**
 * The consultation owned by the server: the doctor's actions arrive as {@link
 * com.mediassist.appliance.consult.workspace.Command}s, the server merges them with the note's findings,
 * computes the age from the record, runs the engines and answers one {@link
 * com.mediassist.appliance.consult.workspace.WorkspaceView}; sign-off stores what the server computed.
 */
package com.mediassist.appliance.consult.workspace;
