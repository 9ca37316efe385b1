import { matrixSuite } from './permission-matrix.suite';

// Role × Query field. The expected outcomes are DESIGN.md §3.
matrixSuite('Query');
