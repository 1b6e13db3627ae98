import type { ChannelName, EventName } from './contract'

/**
 * The Electron channel string for a contract key; one prefix so nothing else can collide. Apart from the
 * contract, so the preload builds `window.copydesk` from names alone, without the contract's schemas.
 */
export const ipcChannel = (name: ChannelName): string => `copydesk:${name}`
export const ipcEventChannel = (name: EventName): string => `copydesk-event:${name}`
