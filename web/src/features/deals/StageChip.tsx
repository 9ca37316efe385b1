import Chip from '@mui/material/Chip';
import type { DealStage } from '../../gql/graphql';
import { dealStageLabel, STAGE_CHIPS } from './stages';

export function StageChip({ stage }: { stage: DealStage }) {
  return <Chip size="small" label={dealStageLabel(stage)} color={STAGE_CHIPS[stage].color} variant={STAGE_CHIPS[stage].variant} />;
}
