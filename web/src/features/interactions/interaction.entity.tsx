import { defineEntity } from '../../app/entity';

export const entity = defineEntity({
  typeName: 'Interaction',
  labels: { noun: 'interaction' },
  nav: { order: 50 },
  listRoot: 'interactions',
  nested: [
    { on: 'Contact', field: 'interactions' },
    { on: 'Deal', field: 'interactions' },
  ],
  affects: [{ on: 'Query', field: 'dealStats' }],
  screens: () => import('./interaction.screens'),
  // The interactions of a contact or deal on its page, and "Log interaction" there and on accounts.
  extensions: { targets: ['Account', 'Contact', 'Deal'], load: () => import('./interaction.extensions') },
});
