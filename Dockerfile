# powermap: the API and the built client on one port, against the Neo4j named by NEO4J_URI
# (docker-compose.yml wires it to the neo4j service). No local Neo4j is started in here.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY tsconfig.json ./
COPY client ./client
COPY server ./server
RUN npm run build:client

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    POWERMAP_DATA_DIR=/app/.data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force
COPY tsconfig.json ./
COPY server ./server
COPY cypher ./cypher
COPY neo4j ./neo4j
COPY --from=build /app/dist/client ./dist/client
# The session-signing secret is kept here unless SESSION_SECRET is set.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node_modules/.bin/tsx", "server/main.ts"]
