import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../errors/user-error.types';
import { registerStructuralType } from '../permissions/apply';

/** `<Name>Result` and `<Name>BatchResult` for batch create mutations. */
export function BatchResult<T extends object>(node: ClassType<T>, name = node.name): ClassType {
  @ObjectType(`${name}Result`, { description: `The outcome of one item of a ${name} batch.` })
  class ItemResult {
    @Field(() => Int, { description: 'Position of the item in the input list.' }) index!: number;
    @Field(() => node, { nullable: true, description: 'The created record; null when the item failed (or the batch was all-or-none and failed).' })
    record!: T | null;
    @Field(() => UserError, { nullable: true, description: 'Why the item failed.' }) error!: UserError | null;
  }

  @ObjectType(`${name}BatchResult`, { description: `Outcome of a ${name} batch, one result per input item.` })
  class Batch {
    @Field(() => [ItemResult], { description: 'One result per item, in input order.' }) results!: ItemResult[];
    @Field(() => Int, { description: 'How many items failed.' }) numErrors!: number;
  }
  registerStructuralType(`${name}Result`);
  registerStructuralType(`${name}BatchResult`);
  return Batch;
}
