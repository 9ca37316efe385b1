import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait for a positive signal; on a loaded two-core CI machine a dialog's exit
// transition plus a refetch can take longer than the library's 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  window.localStorage.clear();
});
