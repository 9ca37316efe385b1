import Chip from '@mui/material/Chip';
import type { DealStage } from '../../gql/graphql';
import { dealStageLabel, STAGE_COLORS } from './stages';

export function StageChip({ stage }: { stage: DealStage }) {
  return <Chip size="small" label={dealStageLabel(stage)} color={STAGE_COLORS[stage]} variant={stage.startsWith('CLOSED') ? 'filled' : 'outlined'} />;
}
