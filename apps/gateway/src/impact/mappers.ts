// What the impact types resolve from: the engine's report, as analyzed (see service.ts).
import type { ImpactReport, PageImpact } from '@tsunagi/booking-rules';

export type ImpactReportParent = ImpactReport;
export type PageImpactParent = PageImpact;
