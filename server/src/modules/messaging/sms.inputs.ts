import { IsOptional, IsString, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '../../kernel/validation';

export const SMS_MAX_LENGTH = 1600; // Twilio's limit for one message body

@InputType({ description: 'A text message to a contact.' })
export class SendSmsInput {
  @Field(() => ID, { description: 'The contact to text; they need a valid phone number.' })
  @IsString()
  contactId!: string;

  @Field({ description: `The message, 1 to ${SMS_MAX_LENGTH} characters.` })
  @IsString()
  @Length(1, SMS_MAX_LENGTH, { message: `must be 1 to ${SMS_MAX_LENGTH} characters` })
  @NotBlank()
  body!: string;

  @Field(() => ID, { nullable: true, description: 'The deal it is about, if any.' })
  @IsOptional()
  @IsString()
  dealId?: string | null;
}
