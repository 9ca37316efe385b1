import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { registerStructuralType } from '../permissions/apply';

@ObjectType({ description: 'A problem with one input field.' })
export class FieldErrorType {
  @Field(() => [GraphQLJSON], { description: 'Path to the field, e.g. ["inputs", 3, "email"].' }) path!: (string | number)[];
  @Field({ description: 'What is wrong.' }) message!: string;
}

@ObjectType({ description: 'Why one item of a batch failed.' })
export class UserError {
  @Field({ description: 'Error code, as in `extensions.code` (BAD_USER_INPUT, FORBIDDEN, ...).' }) code!: string;
  @Field({ description: 'Human-readable message.' }) message!: string;
  @Field(() => [FieldErrorType], { description: 'Field errors for BAD_USER_INPUT.' }) fields!: FieldErrorType[];
}
registerStructuralType('FieldErrorType');
registerStructuralType('UserError');
