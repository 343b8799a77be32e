// Builds the console into dist/ for the gateway to serve at /console. Preact's JSX through esbuild (no Babel);
// workspace packages (the SDK) are bundled from their TypeScript sources.
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { conditions: ['@tsunagi/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
});
