import type { ApiRadica } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (and by the e2e harness): one function per IPC channel. */
    api: ApiRadica;
  }
}

export {};
