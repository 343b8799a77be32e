import type { DisableReason, EvaluationWarning } from '../types.js';
import type { PageTextCatalog, PageTextLocale } from './catalog.js';
import { enPageText } from './en.js';
import { itPageText } from './it.js';
import { jaPageText } from './ja.js';
import { plPageText } from './pl.js';

export const PAGE_TEXT: Readonly<Record<PageTextLocale, PageTextCatalog>> = {
  en: enPageText,
  ja: jaPageText,
  it: itPageText,
  pl: plPageText,
};

/** Why the page is disabled, in `locale`. */
export function describeReason(reason: Pick<DisableReason, 'kind'>, locale: PageTextLocale = 'en'): string {
  return PAGE_TEXT[locale].reasons[reason.kind];
}

/** A warning's one-liner in `locale` ("2 of 5 hosts unavailable"). */
export function describeWarning(
  warning: Pick<EvaluationWarning, 'kind' | 'userIds' | 'memberCount'>,
  locale: PageTextLocale = 'en',
): string {
  return PAGE_TEXT[locale].warnings[warning.kind]({
    count: warning.userIds.length,
    total: warning.memberCount,
  });
}
