import { useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import type { DealBoardQuery, DealRowFragment, DealStage } from '../../gql/graphql';
import { DealBoardDocument } from '../../gql/deals';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { formatDate, formatMoney } from '../../components/kit/format';
import { usePageTitle } from '../../components/kit/usePageTitle';
import { useCapabilities } from '../../app/capabilities';
import { DealViewSwitch } from './DealViewSwitch';
import { MoveStageMenu, useStageMove } from './stage-move';
import { dealStageLabel, STAGES } from './stages';

export const BOARD_PAGE_SIZE = 50;

type ColumnKey = Exclude<keyof DealBoardQuery, '__typename' | 'dealStats'>;
const COLUMN_OF: Record<DealStage, ColumnKey> = {
  PROSPECTING: 'prospecting',
  QUALIFICATION: 'qualification',
  PROPOSAL: 'proposal',
  NEGOTIATION: 'negotiation',
  CLOSED_WON: 'closedWon',
  CLOSED_LOST: 'closedLost',
};

// Pointer drags hit the column under the pointer; keyboard drags (no pointer) the column the card overlaps most.
const detectColumn: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

/** Arrow keys jump a picked-up card a whole column left or right (dnd-kit's default moves 25 px). */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects } = context;
  if (!collisionRect) return undefined;
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (!step)
    return event.code === 'ArrowDown' || event.code === 'ArrowUp'
      ? { ...currentCoordinates, y: currentCoordinates.y + (event.code === 'ArrowDown' ? 40 : -40) }
      : undefined;
  event.preventDefault();
  const center = collisionRect.left + collisionRect.width / 2;
  const rects = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const target = step > 0 ? rects.find((r) => r.left > center) : [...rects].reverse().find((r) => r.right < center);
  if (!target) return currentCoordinates;
  return {
    x: target.left + (target.width - collisionRect.width) / 2,
    y: Math.max(target.top + 48, Math.min(currentCoordinates.y, target.bottom - collisionRect.height)),
  };
};

const dealName = (data: unknown) => (data as { deal?: DealRowFragment } | undefined)?.deal?.name ?? 'The deal';
const stageName = (id: unknown) => dealStageLabel(id as DealStage);

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${dealName(active.data.current)}.`,
  onDragOver: ({ active, over }) =>
    over ? `${dealName(active.data.current)} is over ${stageName(over.id)}.` : `${dealName(active.data.current)} is over no stage.`,
  onDragEnd: ({ active, over }) => (over ? `${dealName(active.data.current)} dropped on ${stageName(over.id)}.` : `${dealName(active.data.current)} put back.`),
  onDragCancel: ({ active }) => `Moving ${dealName(active.data.current)} cancelled.`,
};
const screenReaderInstructions = {
  draggable:
    'To move this deal, press space or enter, use the left and right arrow keys to choose a stage, then press space or enter to drop it, or escape to cancel. The deal’s “Move to…” menu does the same.',
};

export function DealBoardPage() {
  const writable = useCapabilities().canUpdate('Deal');
  usePageTitle('Pipeline');
  const { data, loading, error, refetch } = useQuery(DealBoardDocument, { variables: { first: BOARD_PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  // Cards shown in their target column while the move is on its way.
  const [pending, setPending] = useState<Record<string, DealStage>>({});
  const [dragged, setDragged] = useState<DealRowFragment | null>(null);
  const stageMove = useStageMove({
    onMoving: (deal, stage) => setPending((p) => ({ ...p, [deal.id]: stage })),
    onSettled: async (deal) => {
      try {
        await refetch();
      } finally {
        setPending(({ [deal.id]: _, ...rest }) => rest);
      }
    },
    onReload: () => refetch(),
  });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  // Each loaded deal goes to the column of its current stage (the cache knows a moved deal's new stage before the lists are refetched).
  const columns = useMemo(() => {
    const byStage = Object.fromEntries(STAGES.map((s) => [s, [] as DealRowFragment[]])) as Record<DealStage, DealRowFragment[]>;
    if (!data) return byStage;
    const seen = new Set<string>();
    for (const stage of STAGES) {
      for (const { node } of data[COLUMN_OF[stage]].edges) {
        if (seen.has(node.id)) continue;
        seen.add(node.id);
        byStage[pending[node.id] ?? node.stage].push(node);
      }
    }
    return byStage;
  }, [data, pending]);

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;

  const onDragStart = (e: DragStartEvent) => setDragged((e.active.data.current as { deal: DealRowFragment }).deal);
  const onDragEnd = (e: DragEndEvent) => {
    setDragged(null);
    const deal = (e.active.data.current as { deal: DealRowFragment } | undefined)?.deal;
    const target = e.over?.id as DealStage | undefined;
    if (deal && target && target !== deal.stage) stageMove.request(deal, target);
  };

  return (
    <>
      <PageHeader
        title="Pipeline"
        subtitle={writable ? 'Drag a deal to another stage, or use its “Move to…” menu.' : undefined}
        actions={<DealViewSwitch current="board" />}
      />
      {stageMove.notices}
      <DndContext
        sensors={sensors}
        collisionDetection={detectColumn}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <Box sx={{ display: 'flex', gap: 1.5, overflowX: 'auto', pb: 1, alignItems: 'stretch' }}>
          {STAGES.map((stage) => {
            const stat = data?.dealStats.byStage.find((s) => s.stage === stage);
            const conn = data?.[COLUMN_OF[stage]];
            return (
              <StageColumn
                key={stage}
                stage={stage}
                count={stat?.count ?? 0}
                amount={stat?.amount ?? '0.00'}
                more={!!conn?.pageInfo.hasNextPage}
                writable={writable}
              >
                {columns[stage].map((deal) => (
                  <DealCard key={deal.id} deal={deal} writable={writable} onPick={(s) => stageMove.request(deal, s)} />
                ))}
              </StageColumn>
            );
          })}
        </Box>
        <DragOverlay>{dragged ? <CardBody deal={dragged} /> : null}</DragOverlay>
      </DndContext>
      {stageMove.dialogs}
    </>
  );
}

function StageColumn({
  stage,
  count,
  amount,
  more,
  writable,
  children,
}: {
  stage: DealStage;
  count: number;
  amount: string;
  more: boolean;
  writable: boolean;
  children: ReactNode[];
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage, disabled: !writable });
  const headingId = `board-column-${stage}`;
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-stage={stage}
      variant="outlined"
      sx={{
        flex: '1 0 200px',
        minWidth: 200,
        p: 1.5,
        bgcolor: isOver ? 'action.selected' : 'background.default',
        borderColor: isOver ? 'primary.main' : 'divider',
        transition: 'background-color 120ms',
      }}
    >
      <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {dealStageLabel(stage)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {count} {count === 1 ? 'deal' : 'deals'} · {formatMoney(amount)}
      </Typography>
      {children.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>
          No deals
        </Typography>
      ) : (
        <Box component="ul" aria-labelledby={headingId} sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
          {children}
        </Box>
      )}
      {more && (
        <Link component={RouterLink} to={`/deals?stage=${stage}`} variant="body2" sx={{ display: 'block', mt: 1 }}>
          All {dealStageLabel(stage).toLowerCase()} deals in the list
        </Link>
      )}
    </Paper>
  );
}

function DealCard({ deal, writable, onPick }: { deal: DealRowFragment; writable: boolean; onPick(stage: DealStage): void }) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({ id: deal.id, data: { deal }, disabled: !writable });
  return (
    // The whole card starts a pointer drag; the keyboard picks it up only from the handle.
    <Paper
      ref={setNodeRef}
      component="li"
      variant="outlined"
      data-deal-id={deal.id}
      {...(writable ? listeners : {})}
      sx={{ opacity: isDragging ? 0.4 : 1, cursor: writable ? 'grab' : undefined }}
    >
      <CardBody
        deal={deal}
        handle={
          writable && (
            <Box
              component="span"
              ref={setActivatorNodeRef}
              {...attributes}
              aria-label={`Drag ${deal.name}`}
              sx={{
                display: 'inline-flex',
                color: 'text.secondary',
                touchAction: 'none',
                borderRadius: 1,
                '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
              }}
            >
              <DragIndicatorIcon fontSize="small" />
            </Box>
          )
        }
        menu={writable && <MoveStageMenu deal={deal} onPick={onPick} />}
      />
    </Paper>
  );
}

function CardBody({ deal, handle, menu }: { deal: DealRowFragment; handle?: ReactNode; menu?: ReactNode }) {
  return (
    <Box sx={{ p: 1, bgcolor: 'background.paper', borderRadius: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5 }}>
        {handle}
        <Link component={RouterLink} to={`/deals/${deal.id}`} variant="body2" sx={{ flex: 1, fontWeight: 600, overflowWrap: 'anywhere' }}>
          {deal.name}
        </Link>
        {menu}
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {deal.account?.name ?? '—'}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', columnGap: 1, mt: 0.5 }}>
        <Typography variant="body2">{formatMoney(deal.amount)}</Typography>
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {deal.stage.startsWith('CLOSED') ? formatDate(deal.closedAt) : deal.expectedCloseDate ? `closes ${formatDate(deal.expectedCloseDate)}` : ''}
        </Typography>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {deal.owner.name}
      </Typography>
    </Box>
  );
}
