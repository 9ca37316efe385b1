import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { registerStructuralType } from '../permissions/apply';

@ObjectType({ description: 'Where a page sits in its list.', simpleResolvers: true })
export class PageInfo {
  @Field({ description: 'More rows follow the last edge.' }) hasNextPage!: boolean;
  @Field({ description: 'Rows come before the first edge.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge.' }) endCursor!: string | null;
}
registerStructuralType('PageInfo');

@ArgsType()
export class PageArgsInput {
  @Field(() => Int, { nullable: true, description: 'Page size going forward: 0–100, default 20.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return rows after this cursor.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Page size going backward (the last rows): 0–100.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Return rows before this cursor.' })
  before?: string;
}

/** `<Name>Connection` and `<Name>Edge` object types for a node type (Relay connections). */
export function Connection<T extends object>(node: ClassType<T>, name = node.name): ClassType {
  @ObjectType(`${name}Edge`, { description: `A ${name} with its cursor.`, simpleResolvers: true })
  class Edge {
    @Field({ description: 'Opaque position of this row; pass it as `after` or `before`.' }) cursor!: string;
    @Field(() => node, { description: `The ${name}.` }) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'Rows with their cursors.' }) edges!: Edge[];
    @Field(() => [node], { description: 'Rows without cursors.' }) nodes!: T[];
    @Field(() => PageInfo, { description: 'Paging information.' }) pageInfo!: PageInfo;
    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: 'Rows matching the filter, over all pages (computed only when asked for).' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  registerStructuralType(`${name}Edge`);
  registerStructuralType(`${name}Connection`);
  return ConnectionType;
}
