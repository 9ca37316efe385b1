import type { DealStage } from '../../gql/graphql';

/** Pipeline order; the first four are open (DESIGN.md §2). */
export const STAGES: readonly DealStage[] = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];
export const OPEN_STAGES: readonly DealStage[] = STAGES.slice(0, 4);

export const isOpen = (stage: DealStage) => OPEN_STAGES.includes(stage);

const LABELS: Record<DealStage, string> = {
  PROSPECTING: 'Prospecting',
  QUALIFICATION: 'Qualification',
  PROPOSAL: 'Proposal',
  NEGOTIATION: 'Negotiation',
  CLOSED_WON: 'Won',
  CLOSED_LOST: 'Lost',
};

export function dealStageLabel(stage: DealStage): string {
  return LABELS[stage];
}

export function isDealStage(value: string | null | undefined): value is DealStage {
  return !!value && (STAGES as readonly string[]).includes(value);
}

/**
 * Where a deal may go from its stage: an open deal to any other stage (closing included); a
 * closed deal only back to an open stage, by reopening it.
 */
export function targetsFrom(stage: DealStage): DealStage[] {
  return isOpen(stage) ? STAGES.filter((s) => s !== stage) : [...OPEN_STAGES];
}

// Colours chosen for text contrast ≥ 4.5:1 on the light and dark themes (MUI's warning and info fail it).
export const STAGE_CHIPS: Record<DealStage, { color: 'default' | 'primary' | 'secondary' | 'success' | 'error'; variant: 'outlined' | 'filled' }> = {
  PROSPECTING: { color: 'default', variant: 'outlined' },
  QUALIFICATION: { color: 'primary', variant: 'outlined' },
  PROPOSAL: { color: 'secondary', variant: 'outlined' },
  NEGOTIATION: { color: 'primary', variant: 'filled' },
  CLOSED_WON: { color: 'success', variant: 'filled' },
  CLOSED_LOST: { color: 'error', variant: 'filled' },
};
