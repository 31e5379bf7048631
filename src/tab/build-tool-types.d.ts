/*
 * The root tsconfig resolves modules the Node 10 way (right for the server), which
 * cannot see the types of packages that publish them only through an `exports` map.
 * Vite and its React plugin do, so their declarations are pointed at directly here
 * for `vite.config.ts`; nothing in the browser bundle uses these modules.
 */
declare module 'vite' {
  export * from 'vite/dist/node/index.js';
}

declare module '@vitejs/plugin-react' {
  export * from '@vitejs/plugin-react/dist/index.js';
  export { default } from '@vitejs/plugin-react/dist/index.js';
}
