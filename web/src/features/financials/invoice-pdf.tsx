import { useEffect, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import type { DocumentStatus, InvoiceFullFragment } from '../../gql/graphql';
import { DocumentProgressDocument, RenderInvoicePdfDocument } from '../../gql/invoices';
import { actionErrorMessage } from '../../app/errors';

const POLL_MS = 1000;
const DONE: DocumentStatus[] = ['READY', 'FAILED'];
const PROGRESS: Record<DocumentStatus, string> = {
  QUEUED: 'Waiting to render the PDF…',
  RENDERING: 'Rendering the PDF…',
  READY: 'The PDF is ready.',
  FAILED: 'The PDF could not be made.',
};

/**
 * "Download PDF" for whoever reads the invoice: queues a render, follows the document until it is
 * READY or FAILED (the feed's Document entries refetch it; a poll each second covers a quiet feed)
 * and then opens its short-lived link.
 */
export function useInvoicePdf(invoice: InvoiceFullFragment | null) {
  const client = useApolloClient();
  // Kept with the invoice it is about: the page stays mounted when it moves to another invoice.
  const [job, setJob] = useState<{ invoiceId: string; documentId: string | null; error?: string } | null>(null);
  const mine = job && invoice && job.invoiceId === invoice.id ? job : null;
  const documentId = mine?.documentId ?? null;
  const { data, startPolling, stopPolling } = useQuery(DocumentProgressDocument, { variables: { id: documentId ?? '' }, skip: !documentId });
  const doc = documentId && data?.document?.id === documentId ? data.document : null;
  const done = !!doc && DONE.includes(doc.status);
  useEffect(() => {
    if (!documentId || done) {
      stopPolling();
      return undefined;
    }
    startPolling(POLL_MS);
    return stopPolling;
  }, [documentId, done, startPolling, stopPolling]);

  // Opened once, when it becomes ready (a blocked pop-up still leaves the link in the notice).
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (doc?.status === 'READY' && doc.url && opened.current !== doc.id) {
      opened.current = doc.id;
      window.open(doc.url, '_blank', 'noopener');
    }
  }, [doc]);

  if (!invoice) return {};
  const busy = !!mine && !mine.error && !done;
  const render = async () => {
    setJob({ invoiceId: invoice.id, documentId: null });
    try {
      const { data: queued } = await client.mutate({ mutation: RenderInvoicePdfDocument, variables: { id: invoice.id } });
      setJob({ invoiceId: invoice.id, documentId: queued!.renderInvoicePdf.id });
    } catch (err) {
      setJob({ invoiceId: invoice.id, documentId: null, error: actionErrorMessage(err) });
    }
  };
  const name = `${invoice.number ?? 'draft-invoice'}.pdf`;
  let notice = null;
  if (mine?.error) notice = <Alert severity="error" sx={{ mb: 2 }}>{`The PDF could not be made: ${mine.error}`}</Alert>;
  else if (doc?.status === 'FAILED') notice = <Alert severity="error" sx={{ mb: 2 }}>{`${PROGRESS.FAILED}${doc.error ? ` ${doc.error}` : ''}`}</Alert>;
  else if (doc?.status === 'READY' && doc.url) {
    notice = (
      <Alert severity="success" sx={{ mb: 2 }}>
        {`${PROGRESS.READY} `}
        <Link href={doc.url} target="_blank" rel="noopener">
          {`Open ${name}`}
        </Link>
      </Alert>
    );
  } else if (busy) {
    notice = (
      <Alert severity="info" role="status" sx={{ mb: 2 }}>
        {PROGRESS[doc?.status ?? 'QUEUED']}
      </Alert>
    );
  }
  return {
    action: (
      <Button variant="outlined" disabled={busy} onClick={() => void render()}>
        Download PDF
      </Button>
    ),
    notice,
  };
}
