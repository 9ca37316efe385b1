import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { LedgerAccountTreeQuery } from '../../gql/graphql';
import { enumLabel, formatMoney } from '../../components/kit/format';

export type TreeAccount = LedgerAccountTreeQuery['ledgerAccounts']['edges'][number]['node'];

export interface TreeNode {
  account: TreeAccount;
  children: TreeNode[];
}

/** Accounts nested under their groups, each level by number; an account whose group is not loaded stands at the top. */
export function buildTree(accounts: TreeAccount[]): TreeNode[] {
  const nodes = new Map(accounts.map((a) => [a.id, { account: a, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.account.parent ? nodes.get(node.account.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byCode = (a: TreeNode, b: TreeNode) => a.account.code.localeCompare(b.account.code);
  const sort = (list: TreeNode[]) => {
    list.sort(byCode);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Ids of every account with accounts under it. */
export function groupIds(roots: TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (list: TreeNode[]) =>
    list.forEach((n) => {
      if (n.children.length) out.push(n.account.id);
      walk(n.children);
    });
  walk(roots);
  return out;
}

interface VisibleRow {
  node: TreeNode;
  level: number;
  position: number;
  setSize: number;
  parentId: string | null;
}

/** The rows shown: every root, and the accounts under each expanded group. */
function visibleRows(roots: TreeNode[], expanded: ReadonlySet<string>): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const walk = (list: TreeNode[], level: number, parentId: string | null) =>
    list.forEach((node, i) => {
      rows.push({ node, level, position: i + 1, setSize: list.length, parentId });
      if (node.children.length && expanded.has(node.account.id)) walk(node.children, level + 1, node.account.id);
    });
  walk(roots, 1, null);
  return rows;
}

const label = (a: { code: string; name: string }) => `${a.code} ${a.name}`;
const INDENT = 3;

function StatusChip({ account }: { account: TreeAccount }) {
  if (account.systemRole) return <Chip size="small" label="System" variant="outlined" />;
  return account.active ? <Chip size="small" label="Active" color="success" variant="outlined" /> : <Chip size="small" label="Inactive" />;
}

/**
 * The chart as a tree grid (WAI-ARIA treegrid): one row per account, indented under its group, each
 * group with its balance including the accounts under it. The rows are one tab stop: arrow keys move
 * between them, Right and Left open and close a group, Enter opens the account.
 */
export function AccountTree({ roots, expanded, onToggle }: { roots: TreeNode[]; expanded: ReadonlySet<string>; onToggle(id: string, open: boolean): void }) {
  const navigate = useNavigate();
  const rows = useMemo(() => visibleRows(roots, expanded), [roots, expanded]);
  const [active, setActive] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  // Focus follows the keyboard only; rendering alone never moves it.
  const moved = useRef(false);
  const activeId = rows.some((r) => r.node.account.id === active) ? active : (rows[0]?.node.account.id ?? null);

  useEffect(() => {
    if (moved.current && activeId) rowRefs.current.get(activeId)?.focus();
    moved.current = false;
  }, [activeId, rows]);

  const go = (id: string | null | undefined) => {
    if (!id) return;
    moved.current = true;
    setActive(id);
  };

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const row = rows[index];
    const id = row.node.account.id;
    const group = row.node.children.length > 0;
    const open = group && expanded.has(id);
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(rows[index + 1]?.node.account.id),
      ArrowUp: () => go(rows[index - 1]?.node.account.id),
      Home: () => go(rows[0]?.node.account.id),
      End: () => go(rows[rows.length - 1]?.node.account.id),
      ArrowRight: () => (group && !open ? onToggle(id, true) : open ? go(rows[index + 1]?.node.account.id) : undefined),
      ArrowLeft: () => (open ? onToggle(id, false) : go(row.parentId)),
      Enter: () => navigate(`/ledger-accounts/${id}`),
    };
    const act = keys[e.key];
    if (!act || e.target !== e.currentTarget) return;
    e.preventDefault();
    act();
  };

  return (
    <TableContainer>
      <Table size="small" role="treegrid" aria-label="Chart of accounts">
        <TableHead>
          <TableRow>
            <TableCell>Account</TableCell>
            <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Type</TableCell>
            <TableCell align="right">Balance</TableCell>
            <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, index) => {
            const a = r.node.account;
            const group = r.node.children.length > 0;
            const open = group && expanded.has(a.id);
            return (
              <TableRow
                key={a.id}
                ref={(el: HTMLTableRowElement | null) => {
                  if (el) rowRefs.current.set(a.id, el);
                  else rowRefs.current.delete(a.id);
                }}
                aria-level={r.level}
                aria-posinset={r.position}
                aria-setsize={r.setSize}
                aria-expanded={group ? open : undefined}
                tabIndex={a.id === activeId ? 0 : -1}
                onFocus={(e) => e.target === e.currentTarget && setActive(a.id)}
                onKeyDown={(e) => onKeyDown(e, index)}
                hover
                sx={{
                  '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
                  ...(!a.active && { '& td': { color: 'text.secondary' } }),
                }}
              >
                <TableCell role="gridcell" sx={{ fontWeight: group ? 600 : undefined }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, pl: (r.level - 1) * INDENT }}>
                    {group ? (
                      <IconButton size="small" tabIndex={-1} aria-label={`${open ? 'Collapse' : 'Expand'} ${label(a)}`} onClick={() => onToggle(a.id, !open)}>
                        {open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />}
                      </IconButton>
                    ) : (
                      // Keeps the names of accounts without a group under them in line with those that have one.
                      <Box aria-hidden sx={{ width: 30, flexShrink: 0 }} />
                    )}
                    <Link component={RouterLink} to={`/ledger-accounts/${a.id}`} tabIndex={-1}>
                      {label(a)}
                    </Link>
                  </Box>
                </TableCell>
                <TableCell role="gridcell" sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                  {enumLabel(a.type)}
                </TableCell>
                <TableCell role="gridcell" align="right" sx={{ fontWeight: group ? 600 : undefined, whiteSpace: 'nowrap' }}>
                  {formatMoney(a.balance)}
                </TableCell>
                <TableCell role="gridcell" sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                  <StatusChip account={a} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
