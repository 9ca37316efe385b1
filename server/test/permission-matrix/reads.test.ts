import { matrixSuite } from './suite';

// Role × Query field. The expected outcomes are DESIGN.md §3.
matrixSuite('Query');
