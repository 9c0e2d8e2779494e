import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The server that `npm start` runs; the dev server forwards API calls and the dev sign-in to it. */
const CHRONICLE_SERVER = "http://localhost:3000";

export default defineConfig({
  // The Chronicle server mounts this app under /admin/, beside the player at /.
  base: "/admin/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/trpc": CHRONICLE_SERVER,
      "/__chronicle": CHRONICLE_SERVER,
    },
  },
});
