import { registerEnum } from '../../kernel/enums';

export enum DealStage {
  PROSPECTING = 'PROSPECTING',
  QUALIFICATION = 'QUALIFICATION',
  PROPOSAL = 'PROPOSAL',
  NEGOTIATION = 'NEGOTIATION',
  CLOSED_WON = 'CLOSED_WON',
  CLOSED_LOST = 'CLOSED_LOST',
}
registerEnum(DealStage, 'DealStage', 'Pipeline stage; the first four are open.');

export const OPEN_STAGES: readonly DealStage[] = [DealStage.PROSPECTING, DealStage.QUALIFICATION, DealStage.PROPOSAL, DealStage.NEGOTIATION];
export const isOpenStage = (s: DealStage) => OPEN_STAGES.includes(s);
