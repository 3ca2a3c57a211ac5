/**
 * The one IPC channel between the preload and the main process. Shared by both sides, so it
 * must stay free of imports: the sandboxed preload bundles it and may `require` only electron.
 */
export const API_CHANNEL = 'mediation-desk:api';

/** The name under which the preload exposes the bridge: `window.mediationDesk`. */
export const BRIDGE_GLOBAL = 'mediationDesk';
