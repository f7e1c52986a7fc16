import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into api-edge's classpath: index.html is answered by WebPageController, /assets/** by Spring's resource handler.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.js'],
    include: ['test/**/*.test.{js,jsx}'],
  },
});
