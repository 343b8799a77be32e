// The state service: every state change, one transaction each — the rows, the re-evaluation of exactly the
// affected booking pages, and the events, committed together or not at all, then announced on the bus.
// One module per aggregate (connection-operations.ts, page-operations.ts, directory-operations.ts) runs its operations through the
// shared transaction runner (runner.ts, which also documents the lock order).
import { type ConnectionOperations, connectionOperations } from './connection-operations.js';
import { type DirectoryOperations, directoryOperations } from './directory-operations.js';
import { type PageOperations, pageOperations } from './page-operations.js';
import { createTransactionRunner, type StateServiceOptions } from './runner.js';

export type { ConnectionChange, CreateConnectionInput } from './connection-operations.js';
export type {
  DirectorySyncCounts,
  DirectorySyncResult,
  ExternalIdMapping,
  UnlinkedConnection,
} from './directory-operations.js';
export type {
  DirectoryList,
  DirectoryPage,
  DirectoryRowError,
  DirectoryRowErrorCode,
  DirectorySyncInput,
  DirectorySyncMode,
  DirectoryUser,
} from './directory-rows.js';
export { DIRECTORY_LISTS, DIRECTORY_ROW_ERROR_CODES, DIRECTORY_SYNC_MODES } from './directory-rows.js';
export type {
  CreateBookingPageInput,
  LocationInputDraft,
  UpdateBookingPageInput,
} from './page-operations.js';
export { type Actor, type StateServiceOptions, systemActor } from './runner.js';

export interface StateService extends ConnectionOperations, PageOperations, DirectoryOperations {}

export function createStateService(options: StateServiceOptions): StateService {
  const runner = createTransactionRunner(options);
  return { ...connectionOperations(runner), ...pageOperations(runner), ...directoryOperations(runner) };
}
