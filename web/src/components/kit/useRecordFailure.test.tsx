import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRecordFailure } from './useRecordFailure';

describe('useRecordFailure', () => {
  it('keeps a failure with the record it is about, and clears it', () => {
    const { result, rerender } = renderHook(({ id }: { id: string | null }) => useRecordFailure(id), { initialProps: { id: 'a' as string | null } });
    expect(result.current.notice).toBeNull();
    act(() => result.current.fail('Nothing posts before the lock date'));
    expect(result.current.notice).not.toBeNull();

    // The page moved to another record: not shown there, and back again when the record is.
    rerender({ id: 'b' });
    expect(result.current.notice).toBeNull();
    rerender({ id: 'a' });
    expect(result.current.notice).not.toBeNull();

    act(() => result.current.fail(null));
    expect(result.current.notice).toBeNull();
    // With no record, nothing is kept.
    rerender({ id: null });
    act(() => result.current.fail('Lost'));
    expect(result.current.notice).toBeNull();
  });

  it('shows the message in an alert the user closes', async () => {
    function Page() {
      const { fail, notice } = useRecordFailure('a');
      return (
        <>
          <button onClick={() => fail('The expense is already approved')}>Approve</button>
          {notice}
        </>
      );
    }
    render(<Page />);
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Approve' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The expense is already approved');
    await u.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
