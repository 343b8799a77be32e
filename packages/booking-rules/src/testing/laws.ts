import { evaluateBookingPage } from '../evaluate.js';
import { applyRemediation } from '../remediation.js';
import type { BookingPageInput, ConnectionInput, RemediationAction, RemediationOption } from '../types.js';
import { seededRandom } from './world.js';

export interface PlanLawViolation {
  readonly law: 'SUFFICIENT' | 'MINIMAL' | 'PLAN_MATCHES_REASONS';
  readonly pageId: string;
  /** The actions applied when the law failed. */
  readonly actions: readonly RemediationAction[];
  readonly detail: string;
}

export interface PlanLawOptions {
  /** Above this many combinations of options, that many are sampled instead of enumerated (default 512). */
  readonly maxCombinations?: number;
  readonly seed?: number;
}

/**
 * Checks DESIGN §2's two laws on one page through `applyRemediation`, and that a plan exists exactly when a reason
 * does. Sufficient: one option of every step, applied together, leaves no reason. Minimal: for every action of
 * every option, some choice of the other steps' options, applied with that option minus the action, leaves a reason.
 */
export function checkPlanLaws(
  page: BookingPageInput,
  connections: readonly ConnectionInput[],
  options: PlanLawOptions = {},
): PlanLawViolation[] {
  const violations: PlanLawViolation[] = [];
  const evaluation = evaluateBookingPage(page, connections);
  const steps = evaluation.plan.map((step) => step.options);
  if (evaluation.reasons.length > 0 !== steps.length > 0) {
    violations.push({
      law: 'PLAN_MATCHES_REASONS',
      pageId: page.id,
      actions: [],
      detail: `${evaluation.reasons.length} reasons but ${steps.length} steps`,
    });
  }
  const fixed = (actions: readonly RemediationAction[]) => {
    const world = applyRemediation(page, connections, actions);
    return evaluateBookingPage(world.page, world.connections).reasons.length === 0;
  };
  const limit = options.maxCombinations ?? 512;
  const random = seededRandom(options.seed ?? 1);

  for (const choice of choices(steps, limit, random)) {
    const actions = choice.flatMap((o) => o.actions);
    if (!fixed(actions)) {
      violations.push({ law: 'SUFFICIENT', pageId: page.id, actions, detail: 'a reason remains' });
    }
  }

  steps.forEach((stepOptions, stepIndex) => {
    const others = steps.filter((_, i) => i !== stepIndex);
    for (const option of stepOptions) {
      option.actions.forEach((dropped, droppedIndex) => {
        const rest = option.actions.filter((_, i) => i !== droppedIndex);
        let witnessed = false;
        for (const choice of choices(others, limit, random)) {
          if (!fixed([...rest, ...choice.flatMap((o) => o.actions)])) {
            witnessed = true;
            break;
          }
        }
        if (!witnessed && others.every((o) => o.length > 0)) {
          violations.push({
            law: 'MINIMAL',
            pageId: page.id,
            actions: option.actions,
            detail: `${dropped.kind} ${dropped.connectionId ?? dropped.userId ?? ''} can be dropped from step ${stepIndex + 1}`,
          });
        }
      });
    }
  });
  return violations;
}

/** One option per step: every combination, or `limit` random ones when there are more. */
function* choices(
  steps: readonly (readonly RemediationOption[])[],
  limit: number,
  random: () => number,
): Generator<RemediationOption[]> {
  if (steps.some((s) => s.length === 0)) return;
  const total = steps.reduce((product, s) => product * s.length, 1);
  if (total <= limit) {
    for (let n = 0; n < total; n++) {
      let rest = n;
      yield steps.map((s) => {
        const picked = s[rest % s.length]!;
        rest = Math.floor(rest / s.length);
        return picked;
      });
    }
    return;
  }
  for (let n = 0; n < limit; n++) yield steps.map((s) => s[Math.floor(random() * s.length)]!);
}
