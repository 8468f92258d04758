// comlink ships the Node adapter's types beside the .mjs without an exports map entry.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
