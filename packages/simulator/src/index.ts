export { createSimulator, defaultSeed, type Simulator, type SimulatorOptions } from './server.js';
export { SimulatorControl, type StoredFileInfo } from './control.js';
export type { SimulatorConfig } from './state/config.js';
export type { FaultSpec, FaultType, Fault } from './state/faults.js';
export type { LoggedRequest } from './state/request-log.js';
export type { SentMail } from './state/reports.js';
export { startForwardProxy, type ForwardProxy } from './forward-proxy.js';
