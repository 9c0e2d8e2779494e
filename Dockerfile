# Chronicle's server image: the TypeScript sources run through tsx, and the two browser apps
# (player at /, admin at /admin/) are built with Vite into their dist/ folders, which the
# server serves. Dev dependencies are installed because Vite builds here; NODE_ENV is set to
# production only afterwards, so it cannot make `npm ci` skip them.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
ENV TURBO_TELEMETRY_DISABLED=1
RUN npm ci --no-audit --no-fund && npx turbo run build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["npx", "chronicle", "serve"]
