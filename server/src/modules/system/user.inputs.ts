import { IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { BooleanFilter, EnumFilter, IDFilter, SortDirection, StringFilter } from '../../kernel/pagination/filters';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import { IsEmailAddress, IsPhone, NotBlank } from '../../kernel/validation';
import { Role } from './user.entity';

@InputType({ description: 'A new user (ADMIN only).' })
export class CreateUserInput {
  @Field({ description: 'Sign-in email; must be unique.' })
  @IsEmailAddress()
  email!: string;

  @Field({ description: 'Display name.' })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  name!: string;

  @Field(() => Role, { description: 'Role.' })
  @IsEnum(Role)
  role!: Role;

  @Field({ description: 'Initial password, at least 10 characters.' })
  @IsString()
  @Length(10, 200, { message: 'must be 10 to 200 characters' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Phone number; stored in E.164.' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;
}

@InputType({ description: 'Changes to a user (ADMIN only). Deactivating revokes their sessions and API keys.' })
export class UpdateUserInput {
  @Field({ nullable: true, description: 'Display name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  name?: string;

  @Field(() => String, { nullable: true, description: 'Phone number; null clears it.' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => Role, { nullable: true, description: 'Role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'false deactivates the user.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const RoleFilter = EnumFilter(Role, 'Role');

@InputType({ description: 'Conditions on users (directory fields).' })
export class UserFilter {
  @Field(() => [UserFilter], { nullable: true, description: 'All of these.' }) and?: UserFilter[];
  @Field(() => [UserFilter], { nullable: true, description: 'Any of these.' }) or?: UserFilter[];
  @Field(() => UserFilter, { nullable: true, description: 'Not this.' }) not?: UserFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Identifier.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Name.' }) name?: StringFilter;
  @Field(() => RoleFilter, { nullable: true, description: 'Role.' }) role?: unknown;
  @Field(() => BooleanFilter, { nullable: true, description: 'Active or not.' }) active?: BooleanFilter;
}

export enum UserSortField {
  NAME = 'NAME',
  ROLE = 'ROLE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(UserSortField, { name: 'UserSortField', description: 'Fields users can be sorted by.' });

@InputType({ description: 'A sort key for users.' })
export class UserOrderBy {
  @Field(() => UserSortField, { description: 'Field.' }) field!: UserSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction!: SortDirection;
}

@ArgsType()
export class UserListArgs extends PageArgsInput {
  @Field(() => UserFilter, { nullable: true, description: 'Conditions.' }) filter?: UserFilter;
  @Field(() => [UserOrderBy], { nullable: true, description: 'Sort keys; the id always breaks ties.' }) orderBy?: UserOrderBy[];
}
