import { useCallback, useId, useState, type MouseEvent, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import type { DealStage, DealWithProjectFragment } from '../../gql/graphql';
import { MoveDealStageDocument, ReopenDealDocument } from '../../gql/deals';
import { describeError, type UserFacingError } from '../../app/errors';
import { useNotify } from '../../components/Notifications';
import { FieldsDialog } from '../../components/kit/FieldsDialog';
import type { FieldDef } from '../../components/kit/form-fields';
import { useCapabilities } from '../../app/capabilities';
import { dealStageLabel, isOpen, targetsFrom } from './stages';

/** What a stage move needs to know about a deal. */
export interface MovableDeal {
  id: string;
  name: string;
  stage: DealStage;
  version: number;
}

interface Options {
  /** Right before the mutation goes out (the board shows the card in its new column meanwhile). */
  onMoving?(deal: MovableDeal, stage: DealStage): void;
  /** After the mutation, whether it worked or not: refresh what the screen shows. */
  onSettled?(deal: MovableDeal, stage: DealStage): Promise<unknown> | void;
  /** Loads the latest data after a CONFLICT. */
  onReload(): Promise<unknown> | void;
}

type Notice = { kind: 'won'; deal: DealWithProjectFragment } | { kind: 'error'; deal: MovableDeal; error: UserFacingError };

/** The sentence for a failed move: CONFLICT asks for a reload, input errors say what was wrong. */
function errorText(deal: MovableDeal, e: UserFacingError): string {
  if (e.code === 'CONFLICT') return `“${deal.name}” was changed by someone else — reload to see the latest version, then move it again.`;
  if (e.code === 'BAD_USER_INPUT') return Object.values(e.fields).join(' ') || e.message;
  return e.message;
}

/**
 * Moving deals between stages, shared by the board and the detail page: plain moves go straight
 * out; CLOSED_LOST asks for the reason, CLOSED_WON asks for confirmation and then shows the project
 * it created; closed deals go back with reopenDeal. Errors are shown by code.
 */
export function useStageMove(o: Options) {
  const [moveStage] = useMutation(MoveDealStageDocument);
  const [reopen] = useMutation(ReopenDealDocument);
  const notify = useNotify();
  const [losing, setLosing] = useState<MovableDeal | null>(null);
  const [winning, setWinning] = useState<MovableDeal | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  /** Sends the move; throws what the server said, so the lost-reason form can show it on its field. */
  const perform = useCallback(
    async (deal: MovableDeal, stage: DealStage, lostReason?: string) => {
      setNotice(null);
      o.onMoving?.(deal, stage);
      try {
        if (isOpen(deal.stage)) {
          const { data } = await moveStage({ variables: { id: deal.id, stage, lostReason: lostReason ?? null, expectedVersion: deal.version } });
          const moved = data?.moveDealStage;
          if (moved?.stage === 'CLOSED_WON') setNotice({ kind: 'won', deal: moved });
          else notify(`“${deal.name}” moved to ${dealStageLabel(stage)}`);
        } else {
          await reopen({ variables: { id: deal.id, stage, expectedVersion: deal.version } });
          notify(`“${deal.name}” reopened in ${dealStageLabel(stage)}`);
        }
      } finally {
        await o.onSettled?.(deal, stage);
      }
    },
    [moveStage, reopen, notify, o],
  );

  const fail = useCallback((deal: MovableDeal, err: unknown) => setNotice({ kind: 'error', deal, error: describeError(err) }), []);

  /** Asks to move `deal` to `stage` (from a drop or the "Move to…" menu). */
  const request = useCallback(
    (deal: MovableDeal, stage: DealStage) => {
      if (stage === deal.stage) return;
      if (!isOpen(deal.stage) && !isOpen(stage)) {
        setNotice({
          kind: 'error',
          deal,
          error: { code: 'BAD_USER_INPUT', message: `“${deal.name}” is closed: it can only be reopened into an open stage.`, fields: {} },
        });
        return;
      }
      if (stage === 'CLOSED_LOST') setLosing(deal);
      else if (stage === 'CLOSED_WON') setWinning(deal);
      else perform(deal, stage).catch((err) => fail(deal, err));
    },
    [perform, fail],
  );

  const confirmWin = () => {
    const deal = winning;
    setWinning(null);
    if (deal) perform(deal, 'CLOSED_WON').catch((err) => fail(deal, err));
  };

  const dialogs = (
    <>
      <LostReasonDialog
        deal={losing}
        onClose={() => setLosing(null)}
        onSubmit={(deal, reason) => perform(deal, 'CLOSED_LOST', reason).then(() => setLosing(null))}
        onReload={async () => {
          await o.onReload();
          setLosing(null);
        }}
      />
      <Dialog open={!!winning} onClose={() => setWinning(null)} aria-labelledby="won-dialog-title" aria-describedby="won-dialog-text">
        <DialogTitle id="won-dialog-title">Mark “{winning?.name}” as won?</DialogTitle>
        <DialogContent>
          <DialogContentText id="won-dialog-text">Winning the deal closes it and creates its project.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setWinning(null)}>Cancel</Button>
          <Button variant="contained" color="success" onClick={confirmWin} autoFocus>
            Mark as won
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );

  const notices: ReactNode = notice && (
    <Alert
      severity={notice.kind === 'won' ? 'success' : notice.kind === 'error' && notice.error.code === 'CONFLICT' ? 'warning' : 'error'}
      sx={{ mb: 2 }}
      onClose={() => setNotice(null)}
      action={
        notice.kind === 'error' && notice.error.code === 'CONFLICT' ? (
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              setNotice(null);
              void o.onReload();
            }}
          >
            Reload
          </Button>
        ) : undefined
      }
    >
      {notice.kind === 'won' ? (
        <>
          “{notice.deal.name}” won.{' '}
          {notice.deal.project && (
            <Link component={RouterLink} to={`/deals/${notice.deal.id}`} color="inherit" sx={{ fontWeight: 600 }}>
              Project “{notice.deal.project.name}” created
            </Link>
          )}
        </>
      ) : (
        errorText(notice.deal, notice.error)
      )}
    </Alert>
  );

  return { request, dialogs, notices };
}

const LOST_REASON: FieldDef[] = [{ kind: 'multiline', name: 'lostReason', label: 'Lost reason', required: true, max: 1000, autoFocus: true }];
const noReason = () => ({ lostReason: '' });

function LostReasonDialog({
  deal,
  onClose,
  onSubmit,
  onReload,
}: {
  deal: MovableDeal | null;
  onClose(): void;
  onSubmit(deal: MovableDeal, reason: string): Promise<void>;
  onReload(): void;
}) {
  return (
    <FieldsDialog<{ lostReason: string }>
      typeName="Deal"
      open={!!deal}
      title={`Why was “${deal?.name ?? ''}” lost?`}
      submitLabel="Mark as lost"
      fields={LOST_REASON}
      start={noReason}
      // A refusal not about the reason reads as its code says.
      describe={describeError}
      onReload={onReload}
      onClose={onClose}
      onSubmit={async (v) => {
        if (deal) await onSubmit(deal, String(v.lostReason));
      }}
    />
  );
}

/**
 * The keyboard and screen-reader way to move a deal: a menu of the stages it may go to. An icon
 * button on board cards, a labelled button on the detail page.
 */
export function MoveStageMenu({ deal, onPick, variant = 'icon' }: { deal: MovableDeal; onPick(stage: DealStage): void; variant?: 'icon' | 'button' }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const open = isOpen(deal.stage);
  const trigger = {
    'aria-haspopup': 'menu' as const,
    'aria-controls': anchor ? menuId : undefined,
    'aria-expanded': anchor ? true : undefined,
    onClick: (e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget),
  };
  return (
    <>
      {variant === 'icon' ? (
        <IconButton size="small" aria-label={`Move ${deal.name} to…`} {...trigger}>
          <MoreVertIcon fontSize="small" />
        </IconButton>
      ) : (
        <Button variant="outlined" {...trigger}>
          {open ? 'Move stage' : 'Reopen'}
        </Button>
      )}
      <Menu id={menuId} anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {targetsFrom(deal.stage).map((stage) => (
          <MenuItem
            key={stage}
            onClick={() => {
              setAnchor(null);
              onPick(stage);
            }}
          >
            {open ? `${dealStageLabel(stage)}${isOpen(stage) ? '' : '…'}` : `Reopen in ${dealStageLabel(stage)}`}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/** The deal page's stage controls: "Move stage" (or "Reopen") in the header, the move's notices and dialogs. */
export function useDealStageExtras(deal: DealWithProjectFragment | null, reload: () => Promise<unknown>) {
  const caps = useCapabilities();
  const stageMove = useStageMove({ onSettled: () => reload(), onReload: () => reload() });
  const writable = !!deal && !deal.deletedAt && caps.canUpdate('Deal', deal);
  return {
    actions: writable && <MoveStageMenu deal={deal} onPick={(stage) => stageMove.request(deal, stage)} variant="button" />,
    notices: (
      <>
        {stageMove.notices}
        {stageMove.dialogs}
      </>
    ),
  };
}
