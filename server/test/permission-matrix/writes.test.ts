import { matrixSuite } from './suite';

// Role × Mutation field. 'scoped' writes: others' records answer NOT_FOUND (as a missing id
// would) and a rep may not create records for someone else.
matrixSuite('Mutation');
