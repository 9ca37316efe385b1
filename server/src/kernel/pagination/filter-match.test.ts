import { matchesFilter } from './filter-match';

// The in-memory twin of filter-sql, used to filter subscription events.
const entry = {
  entityType: 'Deal',
  entityId: '6f1c1c1e-3b7a-4c55-9a57-2a1d6c1f0b11',
  action: 'WON',
  actorId: null,
  createdAt: new Date('2026-11-29T10:00:00Z'),
};

describe('matchesFilter', () => {
  it.each([
    [{}, true],
    [{ entityType: { eq: 'Deal' } }, true],
    [{ entityType: { eq: 'Account' } }, false],
    [{ entityType: { neq: 'Account' }, action: { in: ['WON', 'LOST'] } }, true],
    [{ entityId: { eq: '6F1C1C1E-3B7A-4C55-9A57-2A1D6C1F0B11' } }, true],
    [{ entityType: { contains: 'ea' } }, true],
    [{ entityType: { startsWith: 'de' } }, true],
    [{ actorId: { isNull: true } }, true],
    [{ actorId: { isNull: false } }, false],
    [{ createdAt: { gte: new Date('2026-11-29T09:00:00Z'), lt: new Date('2026-11-29T11:00:00Z') } }, true],
    [{ createdAt: { gt: new Date('2026-11-29T10:00:00Z') } }, false],
    [{ or: [{ action: { eq: 'LOST' } }, { action: { eq: 'WON' } }] }, true],
    [{ and: [{ action: { eq: 'WON' } }, { entityType: { eq: 'Account' } }] }, false],
    [{ not: { action: { eq: 'WON' } } }, false],
  ])('%j → %s', (filter, expected) => {
    expect(matchesFilter(entry as never, filter as never)).toBe(expected);
  });
});
