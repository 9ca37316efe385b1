import { IsBoolean, IsDate, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { InCalendarRange, NotBlank } from '../../kernel/validation';

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class TaskFields {
  @Field(() => String, { nullable: true, description: 'Details.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it is due; null for no due date.' })
  @IsOptional()
  @IsDate()
  @InCalendarRange()
  dueAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who should do it: a user whose role can hold tasks. Null unassigns.' })
  @IsOptional()
  assigneeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The account it is about; null clears.' })
  @IsOptional()
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact it is about; null clears.' })
  @IsOptional()
  contactId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The deal it is about; null clears.' })
  @IsOptional()
  dealId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner; a new task defaults to you. Only managers and admins may assign others.' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new task.' })
export class CreateTaskInput extends TaskFields {
  @Field({ description: 'What to do.' })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  title!: string;
}

@InputType({ description: 'Changes to a task; omitted fields stay as they are, null clears.' })
export class UpdateTaskInput extends TaskFields {
  @Field({ nullable: true, description: 'What to do.' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  title?: string;

  @Field({ nullable: true, description: 'true completes the task (completedAt is set); false opens it again.' })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}
