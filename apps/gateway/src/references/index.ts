// Front door of references: arguments that name a user or a page by our id or by the product's external id.
export type { IdArgumentKind } from './id-arguments.js';
export { ACCEPTS_EXTERNAL_ID, externalIdArguments, ID_ARGUMENT_KINDS, ID_ARGUMENTS } from './id-arguments.js';
export {
  EXTERNAL_ID_PREFIX,
  parseReference,
  resolvePageId,
  resolveUserId,
  resolveUserIds,
} from './references.js';
