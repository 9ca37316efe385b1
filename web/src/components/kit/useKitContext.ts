import { useMemo } from 'react';
import { useCapabilities } from '../../app/capabilities';
import type { KitContext } from './types';

/** Who is signed in, what they may do, and which type a screen is about. */
export function useKitContext(typeName: string): KitContext {
  const caps = useCapabilities();
  return useMemo(() => ({ me: caps.me, caps, typeName }), [caps, typeName]);
}

/** Keeps only the variables a document declares (descriptors may offer more than one document needs). */
export function declaredVariables(doc: { definitions: readonly unknown[] }, vars: Record<string, unknown>): Record<string, unknown> {
  const names = new Set<string>();
  for (const d of doc.definitions as { kind: string; variableDefinitions?: { variable: { name: { value: string } } }[] }[]) {
    for (const v of d.variableDefinitions ?? []) names.add(v.variable.name.value);
  }
  return Object.fromEntries(Object.entries(vars).filter(([k]) => names.has(k)));
}
