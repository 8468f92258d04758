# The headless commands (simulate, merge) as a small image: built with the dev tooling, shipped without it.
#   docker build -t commuteshed .
#   docker run --rm -v "$PWD/out:/out" commuteshed dist-cli/simulate.mjs \
#     --network networks/jjj.network.json --scenario scenarios/jjj-pinggu-line-22.scenario.json --out /out/results.json
# See README.md, "Sharded runs on Kubernetes".

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:cli

FROM node:20-bookworm-slim
WORKDIR /app
# The bundle carries every dependency (h5wasm included): no node_modules, no tsx at run time.
COPY --from=build /src/dist-cli ./dist-cli
COPY networks ./networks
COPY scenarios ./scenarios
USER node
ENTRYPOINT ["node"]
CMD ["dist-cli/simulate.mjs"]
