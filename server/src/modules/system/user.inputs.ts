import { IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsEmailAddress, IsPhone, NotBlank } from '../../kernel/validation';
import { Role } from '../../kernel/auth/role';

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
