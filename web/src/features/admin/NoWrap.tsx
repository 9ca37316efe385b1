import Box from '@mui/material/Box';

/** Keeps a date and time on one line in a table cell. */
export function NoWrap({ children }: { children: string }) {
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      {children}
    </Box>
  );
}
