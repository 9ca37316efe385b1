import { IsBoolean, IsDate, IsOptional, IsString, Length, MinDate } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';
import { InCalendarRange, NotBlank } from '../../kernel/validation';

@InputType({ description: 'A new API key for the caller.' })
export class CreateApiKeyInput {
  @Field({ description: 'A name to recognise it by.' })
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  @NotBlank()
  name!: string;

  @Field(() => Date, { nullable: true, description: 'When it stops working; omit for no expiry.' })
  @IsOptional()
  @IsDate()
  @InCalendarRange()
  @MinDate(() => new Date(), { message: 'must be in the future' })
  expiresAt?: Date | null;

  @Field({ defaultValue: false, description: 'A read-only key cannot run mutations.' })
  @IsBoolean()
  readOnly!: boolean;
}

@ObjectType({ description: 'A created key with its secret, which is shown only this once.' })
export class ApiKeyWithSecret {
  @Field({ description: 'Send as `Authorization: Bearer <secret>`.' }) secret!: string;
  @Field(() => ApiKey, { description: 'The key.' }) apiKey!: ApiKey;
}
