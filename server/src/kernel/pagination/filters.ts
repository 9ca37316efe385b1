import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { ClassType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../money';

// One filter input per scalar kind. Operators are combined with AND inside one filter object.

@InputType({ description: 'Conditions on a text field (combined with AND). `contains` and `startsWith` ignore case.' })
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Equal to.' }) eq?: string;
  @Field(() => String, { nullable: true, description: 'Not equal to (null values also match).' }) neq?: string;
  @Field(() => [String], { nullable: true, description: 'One of the values.' }) in?: string[];
  @Field(() => String, { nullable: true, description: 'Contains the text, ignoring case.' }) contains?: string;
  @Field(() => String, { nullable: true, description: 'Starts with the text, ignoring case.' }) startsWith?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: has no value; false: has a value.' }) isNull?: boolean;
}

@InputType({ description: 'Conditions on an identifier.' })
export class IDFilter {
  @Field(() => ID, { nullable: true, description: 'Equal to.' }) eq?: string;
  @Field(() => ID, { nullable: true, description: 'Not equal to.' }) neq?: string;
  @Field(() => [ID], { nullable: true, description: 'One of the values.' }) in?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: has no value; false: has a value.' }) isNull?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function comparable<T>(scalar: () => any, name: string, what: string): ClassType {
  @InputType(name, { description: `Conditions on ${what} (combined with AND).` })
  class ComparableFilter {
    @Field(scalar, { nullable: true, description: 'Equal to.' }) eq?: T;
    @Field(scalar, { nullable: true, description: 'Not equal to.' }) neq?: T;
    @Field(scalar, { nullable: true, description: 'Greater than.' }) gt?: T;
    @Field(scalar, { nullable: true, description: 'Greater than or equal to.' }) gte?: T;
    @Field(scalar, { nullable: true, description: 'Less than.' }) lt?: T;
    @Field(scalar, { nullable: true, description: 'Less than or equal to.' }) lte?: T;
    @Field(() => [scalar()], { nullable: true, description: 'One of the values.' }) in?: T[];
    @Field(() => Boolean, { nullable: true, description: 'true: has no value; false: has a value.' }) isNull?: boolean;
  }
  return ComparableFilter;
}

export const IntFilter = comparable<number>(() => Int, 'IntFilter', 'a whole number');
export const MoneyFilter = comparable<string>(() => MoneyScalar, 'MoneyFilter', 'an amount of money');
export const DateTimeFilter = comparable<Date>(() => DateTimeISOResolver, 'DateTimeFilter', 'a point in time');
export const DateFilter = comparable<string>(() => LocalDateResolver, 'DateFilter', 'a calendar date');
export type IntFilter = InstanceType<typeof IntFilter>;
export type MoneyFilter = InstanceType<typeof MoneyFilter>;
export type DateTimeFilter = InstanceType<typeof DateTimeFilter>;
export type DateFilter = InstanceType<typeof DateFilter>;

@InputType({ description: 'Conditions on a yes/no field.' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true, description: 'Equal to.' }) eq?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'true: has no value; false: has a value.' }) isNull?: boolean;
}

const enumFilters = new Map<object, ClassType>();

/** A filter input for an enum: `<Enum>Filter { eq neq in isNull }` (one per enum, however many lists use it). */
export function EnumFilter<E extends object>(enumType: E, enumName: string): ClassType {
  const hit = enumFilters.get(enumType);
  if (hit) return hit;
  @InputType(`${enumName}Filter`, { description: `Conditions on a ${enumName} value.` })
  class Filter {
    @Field(() => enumType, { nullable: true, description: 'Equal to.' }) eq?: unknown;
    @Field(() => enumType, { nullable: true, description: 'Not equal to.' }) neq?: unknown;
    @Field(() => [enumType], { nullable: true, description: 'One of the values.' }) in?: unknown[];
    // Optional enum fields (a ledger account's systemRole) are filtered for "has none" like any other.
    @Field(() => Boolean, { nullable: true, description: 'true: has no value; false: has a value.' }) isNull?: boolean;
  }
  enumFilters.set(enumType, Filter);
  return Filter;
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Sort order.' });
