import type { DisableReasonKind, EvaluationWarningKind } from '../types.js';

/** The languages page texts are written in: the same four as the error taxonomy's remediation text. */
export const PAGE_TEXT_LOCALES = ['en', 'ja', 'it', 'pl'] as const;
export type PageTextLocale = (typeof PAGE_TEXT_LOCALES)[number];

/** Figures a warning's text is built from ("2 of 5 hosts unavailable"). */
export interface WarningFigures {
  readonly count: number;
  readonly total: number;
}

/** Every locale says something about every reason and warning kind: the types enforce it. */
export interface PageTextCatalog {
  readonly reasons: Readonly<Record<DisableReasonKind, string>>;
  readonly warnings: Readonly<Record<EvaluationWarningKind, (figures: WarningFigures) => string>>;
}
