import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import ViewListIcon from '@mui/icons-material/ViewList';

/** Switches between the deals list and the pipeline board (two pages, so each view has its own URL). */
export function DealViewSwitch({ current }: { current: 'list' | 'board' }) {
  return (
    <ButtonGroup component="nav" aria-label="Deal views" size="small">
      <Button
        component={RouterLink}
        to="/deals"
        startIcon={<ViewListIcon />}
        variant={current === 'list' ? 'contained' : 'outlined'}
        aria-current={current === 'list' ? 'page' : undefined}
      >
        List
      </Button>
      <Button
        component={RouterLink}
        to="/deals/board"
        startIcon={<ViewKanbanIcon />}
        variant={current === 'board' ? 'contained' : 'outlined'}
        aria-current={current === 'board' ? 'page' : undefined}
      >
        Board
      </Button>
    </ButtonGroup>
  );
}
