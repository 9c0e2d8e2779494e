# Chronicle's server image: the TypeScript sources run through tsx, so the image is
# the repository plus its locked dependencies.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["npx", "chronicle", "serve"]
