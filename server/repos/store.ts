// The entity-store interface under its old name, for code that has not moved to './entity-store.js' yet.
export * from './entity-store.js';
