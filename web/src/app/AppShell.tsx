import { useState, type ReactNode } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { styled, useTheme } from '@mui/material/styles';
import MenuIcon from '@mui/icons-material/Menu';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import NotificationsIcon from '@mui/icons-material/Notifications';
import NotificationsOffIcon from '@mui/icons-material/NotificationsOff';
import { useColorMode } from './theme';
import { useSession } from './session';
import { useCurrentUser } from './current-user';
import { navFor } from './navigation';
import { ROLE_LABELS } from './roles';
import { useCapabilities } from './capabilities';
import { SearchBox } from '../features/search/SearchBox';
import { ActivityFeed } from '../features/activity/ActivityFeed';
import { AfterFirstScreen } from '../components/AfterFirstScreen';
import { SEARCH_WIDTH } from '../features/search/SearchBox';

const NAV_WIDTH = 220;
const FEED_WIDTH = 320;
const FEED_FOLDED = 'converge.feedFolded';

/**
 * The navigation's links, styled once here as MUI's list item buttons look (hover, selected, keyboard
 * focus) rather than as four MUI components per link: the shell renders before every first screen.
 */
const NavList = styled('ul')(({ theme }) => ({
  listStyle: 'none',
  margin: 0,
  padding: theme.spacing(1, 0),
  '& a': {
    ...theme.typography.body1,
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(1.5, 2),
    color: theme.palette.text.primary,
    textDecoration: 'none',
    outline: 0,
    transition: theme.transitions.create('background-color', { duration: theme.transitions.duration.shortest }),
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&:focus-visible': { backgroundColor: theme.palette.action.focus },
    '&[aria-current="page"]': {
      backgroundColor: theme.alpha(theme.palette.primary.main, theme.palette.action.selectedOpacity),
      '&:hover': { backgroundColor: theme.alpha(theme.palette.primary.main, theme.palette.action.selectedOpacity + theme.palette.action.hoverOpacity) },
      '&:focus-visible': { backgroundColor: theme.alpha(theme.palette.primary.main, theme.palette.action.selectedOpacity + theme.palette.action.focusOpacity) },
    },
  },
}));

function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const items = navFor(useCapabilities());
  const location = useLocation();
  const path = location.pathname;
  // The longest link the path lies under is the current one ("/tasks/mine" is My tasks, not Tasks).
  const current = items
    .filter((i) => (i.to === '/' ? path === '/' : path === i.to || path.startsWith(`${i.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const section = (name: 'main' | 'admin') =>
    items
      .filter((i) => i.section === name)
      .map((i) => (
        // Each link sits in a list item: a <ul> may only hold <li> children (axe "list").
        <li key={i.to}>
          <RouterLink to={i.to} onClick={onNavigate} aria-current={i.to === current ? 'page' : undefined}>
            {i.label}
          </RouterLink>
        </li>
      ));
  const admin = section('admin');
  return (
    <Box component="nav" aria-label="Main navigation">
      <NavList>{section('main')}</NavList>
      {admin.length > 0 && (
        <>
          <Divider />
          <NavList sx={{ pt: 0 }}>
            <ListSubheader component="li">Admin</ListSubheader>
            {admin}
          </NavList>
        </>
      )}
    </Box>
  );
}

/** Layout: app bar (search, theme, user, sign out), navigation, content, and the live feed. */
export function AppShell({ children }: { children?: ReactNode }) {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const feedDocked = useMediaQuery(theme.breakpoints.up('lg'));
  const [navOpen, setNavOpen] = useState(false);
  const [feedOpen, setFeedOpen] = useState(false);
  // Wide screens dock the feed beside the page; it can be folded away (remembered on this device).
  const [feedFolded, setFeedFolded] = useState(() => window.localStorage.getItem(FEED_FOLDED) === '1');
  const foldFeed = (folded: boolean) => {
    window.localStorage.setItem(FEED_FOLDED, folded ? '1' : '0');
    setFeedFolded(folded);
  };
  const docked = feedDocked && !feedFolded;
  const { mode, toggle } = useColorMode();
  const { signOut } = useSession();
  const me = useCurrentUser();

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }} elevation={0}>
        <Toolbar sx={{ gap: 1 }}>
          {!wide && (
            <IconButton color="inherit" edge="start" aria-label="Open navigation" onClick={() => setNavOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Typography variant="h6" component="div" sx={{ mr: 2, display: { xs: 'none', sm: 'block' } }}>
            Converge
          </Typography>
          <Box sx={{ bgcolor: 'background.paper', borderRadius: 1 }}>
            <AfterFirstScreen placeholder={<Box sx={{ width: SEARCH_WIDTH, height: 40 }} />}>
              <SearchBox />
            </AfterFirstScreen>
          </Box>
          <Box sx={{ flex: 1 }} />
          <Tooltip title={docked ? 'Hide activity' : 'Activity'}>
            <IconButton
              color="inherit"
              aria-label={docked ? 'Hide activity feed' : 'Show activity feed'}
              aria-expanded={docked}
              onClick={() => (feedDocked ? foldFeed(!feedFolded) : setFeedOpen(true))}
            >
              {docked ? <NotificationsOffIcon /> : <NotificationsIcon />}
            </IconButton>
          </Tooltip>
          <Tooltip title={mode === 'light' ? 'Dark theme' : 'Light theme'}>
            <IconButton color="inherit" aria-label={mode === 'light' ? 'Use dark theme' : 'Use light theme'} onClick={toggle}>
              {mode === 'light' ? <DarkModeIcon /> : <LightModeIcon />}
            </IconButton>
          </Tooltip>
          <Box sx={{ textAlign: 'right', display: { xs: 'none', sm: 'block' }, mx: 1 }}>
            <Typography variant="body2" component="div" data-testid="user-name">
              {me.name}
            </Typography>
            <Typography variant="caption" component="div">
              {ROLE_LABELS[me.role]}
            </Typography>
          </Box>
          <Button color="inherit" onClick={() => void signOut()}>
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || navOpen}
        onClose={() => setNavOpen(false)}
        sx={{ width: wide ? NAV_WIDTH : undefined, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <Navigation onNavigate={() => setNavOpen(false)} />
      </Drawer>
      <Box component="main" sx={{ flex: 1, minWidth: 0, p: { xs: 1.5, sm: 3 } }}>
        <Toolbar />
        {children ?? <Outlet />}
      </Box>
      {(!feedDocked || docked) && (
        <Drawer
          anchor="right"
          variant={docked ? 'permanent' : 'temporary'}
          open={docked || feedOpen}
          onClose={() => setFeedOpen(false)}
          sx={{ width: docked ? FEED_WIDTH : undefined, flexShrink: 0, '& .MuiDrawer-paper': { width: FEED_WIDTH, boxSizing: 'border-box' } }}
          ModalProps={{ keepMounted: true }}
        >
          <Toolbar />
          <AfterFirstScreen>
            <ActivityFeed />
          </AfterFirstScreen>
        </Drawer>
      )}
    </Box>
  );
}
