// Exposes exactly the contract to the page as window.api: one function per channel, each an
// ipcRenderer.invoke. Nothing else crosses (no ipcRenderer, no event objects). Built as one
// CommonJS file requiring only 'electron' (a sandboxed preload can load nothing else).
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, type WindowApi } from '../shared/api'

// Same prefix as src/main/ipc.ts (IPC_PREFIX); kept literal so the preload bundles nothing of main.
const api = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    (input: unknown) => ipcRenderer.invoke(`api:${channel}`, input)
  ])
) as unknown as WindowApi

contextBridge.exposeInMainWorld('api', api)
