import { useNavigate } from 'react-router';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';

const CHART_PATH = '/ledger-accounts';
const CHART_TREE_PATH = '/ledger-accounts/tree';

/** The chart of accounts as a filterable list or as a tree of groups; each view has its own address. */
export function ChartViewToggle({ view }: { view: 'list' | 'tree' }) {
  const navigate = useNavigate();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={view}
      aria-label="View"
      onChange={(_, next: 'list' | 'tree' | null) => {
        if (next && next !== view) navigate(next === 'tree' ? CHART_TREE_PATH : CHART_PATH);
      }}
    >
      {/* As the app's other buttons: in sentence case, which is also how they are named to assistive tech. */}
      <ToggleButton value="list" sx={{ textTransform: 'none' }}>
        List
      </ToggleButton>
      <ToggleButton value="tree" sx={{ textTransform: 'none' }}>
        Tree
      </ToggleButton>
    </ToggleButtonGroup>
  );
}

/** The list's header control. */
export function ChartListViews() {
  return <ChartViewToggle view="list" />;
}
