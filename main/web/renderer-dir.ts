import { fileURLToPath } from 'node:url';

/** Where `npm run build:renderer` puts the renderer that the browser host serves. */
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
