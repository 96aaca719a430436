FROM node:20-bookworm-slim
# Debian's Chromium for the whatsapp-web.js client (WHATSAPP_PROVIDER=wwebjs); npm downloads no browser.
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production
CMD ["node", "dist/src/main.js"]
