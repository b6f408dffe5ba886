/** Catalogues compiled by the Lingui Vite plugin (`?lingui` imports). */
declare module '*?lingui' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}

/** Genesys Spark tokens used by the widget's stylesheets (scripts/spark-tokens.ts). */
declare module 'virtual:spark-tokens.css';
