import { badInput } from '../../../kernel/errors/errors';

/** The reason a person gives for turning something down (voiding, rejecting): trimmed, 1 to 500 characters. */
export function requiredReason(reason: string): string {
  const why = reason.trim();
  if (!why) throw badInput(['reason'], 'must not be blank');
  if (why.length > 500) throw badInput(['reason'], 'must be at most 500 characters');
  return why;
}
