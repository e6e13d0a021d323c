import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built by scripts/build-web.sh into WEB_DIST_DIR (default dist/web) and served by the API under /app and /portal.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  // Vite's own transformer compiles the JSX (React's automatic runtime); no plugin needed without a dev server.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(process.env.WEB_DIST_DIR ?? 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // React Router marks its modules "use client" for server components; meaningless in a plain browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
