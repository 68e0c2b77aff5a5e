// The console's build. `npm install` (prepare) and `npm start` build it into web/dist, which the server
// serves at / (server/console.ts). `npm run web:dev` serves it with hot reload on :5173 and forwards the
// API to the server on :4000, so the browser sees one origin either way.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.ROWGATE_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: {
    port: 5173,
    proxy: {
      '/auth': api,
      '/graphql': { target: api, ws: true },
    },
  },
});
