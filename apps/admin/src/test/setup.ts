import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages load lazily; on a loaded CI machine (the whole suite runs in parallel on two cores) the
// first import of a page can take more than Testing Library's default second. Waiting longer
// costs nothing when things are quick.
configure({ asyncUtilTimeout: 5_000 });

// Testing Library unmounts after each test only where test globals are on; ours are off.
afterEach(() => {
  cleanup();
});
