import { Link as RouterLink } from 'react-router';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useCapabilities } from '../../app/capabilities';
import { PageHeader } from '../../components/PageHeader';
import { usePageTitle } from '../../components/kit/usePageTitle';
import { REPORTS } from './report-parts';

/** The financial reports, one card each. */
export function ReportsPage() {
  usePageTitle('Reports');
  const caps = useCapabilities();
  return (
    <>
      <PageHeader title="Reports" subtitle="The books from posted entries, at any date or for any period." />
      <Grid container spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {REPORTS.filter((r) => r.allowed(caps)).map((r) => (
          <Grid key={r.to} size={{ xs: 12, md: 4 }} component="li">
            <Card variant="outlined" sx={{ height: '100%' }}>
              <CardActionArea component={RouterLink} to={r.to} sx={{ height: '100%', alignItems: 'flex-start' }}>
                <CardContent>
                  <Typography variant="h6" component="h2">
                    {r.label}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {r.description}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
      </Grid>
    </>
  );
}
