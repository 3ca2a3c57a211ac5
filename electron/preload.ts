// The preload runs sandboxed: it may `require` only electron, so everything else it uses is
// bundled in (the channel name) or imported as a type.
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge } from '../src/api/bridge';
import { API_CHANNEL, BRIDGE_GLOBAL } from './channel';

// One named function; ipcRenderer itself never reaches the page.
const bridge: DeskBridge = {
  call: (method, input) => ipcRenderer.invoke(API_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
