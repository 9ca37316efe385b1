import type { InteractionType } from '../../gql/graphql';

export const INTERACTION_TYPES = ['CALL', 'EMAIL', 'MEETING', 'NOTE', 'SMS'] as const satisfies readonly InteractionType[];
/** SMS interactions are recorded by sending a text, never typed in by hand. */
export const LOGGABLE_TYPES = ['CALL', 'EMAIL', 'MEETING', 'NOTE'] as const satisfies readonly InteractionType[];

export const TYPE_LABELS: Record<InteractionType, string> = {
  CALL: 'Call',
  EMAIL: 'Email',
  MEETING: 'Meeting',
  NOTE: 'Note',
  SMS: 'SMS',
};
