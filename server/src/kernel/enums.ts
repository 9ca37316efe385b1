import { registerEnumType } from 'type-graphql';

const names = new Map<object, string>();

/**
 * Registers an enum with the GraphQL schema and remembers its name, so generated inputs
 * (`<Enum>Filter`) can refer to it.
 */
export function registerEnum<E extends object>(enumObj: E, name: string, description: string): void {
  registerEnumType(enumObj, { name, description });
  names.set(enumObj, name);
}

export function enumName(enumObj: object): string | undefined {
  return names.get(enumObj);
}
