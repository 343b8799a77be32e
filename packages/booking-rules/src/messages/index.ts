export type { PageTextCatalog, PageTextLocale, WarningFigures } from './catalog.js';
export { PAGE_TEXT_LOCALES } from './catalog.js';
export { describeReason, describeWarning, PAGE_TEXT } from './describe.js';
