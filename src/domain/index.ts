/** The pathway domain: rules, schema, the store port and the use cases. Imports nothing else of ours. */
export * from './actions';
export * from './calendar';
export * from './contact';
export * from './errors';
export * from './guidance';
export * from './induction';
export * from './involvement';
export * from './one-to-ones';
export * from './personal-data';
export * from './principal';
export * from './role';
export * from './schema/columns';
export * from './schema/lists';
export * from './schema/validate';
export * from './service';
export * from './store';
