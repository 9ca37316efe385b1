// The kit's pages, loaded as one chunk with the first list or record a user opens.
export { EntityListPage } from './EntityListPage';
export { EntityDetailPage } from './EntityDetailPage';
