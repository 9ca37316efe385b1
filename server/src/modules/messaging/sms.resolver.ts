import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { Interaction } from '../crm';
import { SendSmsInput } from './sms.inputs';
import { sendSms } from './sms.service';

@Resolver()
export class SmsResolver {
  @Mutation(() => Interaction, {
    description:
      'Texts a contact you can see: records an SMS interaction (smsStatus QUEUED) that a worker then sends through Twilio (SENT or FAILED; later DELIVERED or UNDELIVERED).',
  })
  sendSms(@Arg('input', () => SendSmsInput, { description: 'Whom to text and what.' }) input: SendSmsInput, @Ctx() ctx: Context): Promise<Interaction> {
    return sendSms(ctx, input);
  }
}
