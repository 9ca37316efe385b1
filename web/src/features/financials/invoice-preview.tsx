import Box from '@mui/material/Box';
import { Section } from '../../components/kit/DetailFields';

/**
 * The invoice as its PDF prints, from the server's own template: shown in a sandboxed frame (no
 * scripts, no access to the app), with a white page in either colour mode, like the paper it becomes.
 */
export function InvoicePreview({ html }: { html: string }) {
  return (
    <Section title="Preview">
      <Box
        component="iframe"
        title="Invoice preview"
        sandbox=""
        srcDoc={html}
        sx={{ width: '100%', height: { xs: 480, md: 720 }, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
      />
    </Section>
  );
}
