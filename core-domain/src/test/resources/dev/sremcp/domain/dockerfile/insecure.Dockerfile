# syntax=docker/dockerfile:1
# A Node service's Dockerfile with a planted defect on every marked line:
# "# expect: rule" names the findings of the next instruction line.
# expect: dockerfile.instruction-order, dockerfile.label-key
LABEL Version=1.0
ARG BASE_TAG=latest
# expect: dockerfile.from-platform, dockerfile.latest-tag
FROM --platform=linux/amd64 node:${BASE_TAG} AS build
# expect: dockerfile.maintainer
MAINTAINER ops@example.com
# expect: dockerfile.relative-workdir
WORKDIR src
# expect: dockerfile.secret-in-env-or-arg
ARG NPM_TOKEN
# expect: dockerfile.copy-destination-not-dir
COPY package.json package-lock.json ./app
# expect: dockerfile.interactive-install, dockerfile.apt-recommends, dockerfile.package-cache-kept, dockerfile.unpinned-packages
RUN apt-get update && apt-get install python3 make g++ \
# expect: dockerfile.distribution-upgrade
 && apt-get upgrade -y
# expect: dockerfile.consecutive-run, dockerfile.package-cache-kept
RUN npm install -g npm@10.2.4 && yarn install
# expect: dockerfile.pipe-to-shell, dockerfile.pipe-without-pipefail, dockerfile.curl-and-wget
RUN curl -fsSL https://get.example.com/install.sh | bash
# expect: dockerfile.wget-progress
RUN wget https://example.com/vendor.tar.gz -O /tmp/vendor.tar.gz \
# expect: dockerfile.cd-in-run
 && cd /tmp \
# expect: dockerfile.sudo
 && sudo tar -xzf vendor.tar.gz \
# expect: dockerfile.pointless-command
 && service nginx reload
# expect: dockerfile.add-remote-url
ADD https://example.com/tool.tar.gz /opt/
# expect: dockerfile.add-instead-of-copy
ADD src/ /app/src/
# expect: dockerfile.copy-then-extract
COPY assets.tar.gz /tmp/
RUN tar -xzf /tmp/assets.tar.gz -C /app
# expect: dockerfile.secret-file-copied
COPY id_rsa /root/.ssh/id_rsa
# expect: dockerfile.shell-switch
RUN ln -sf /bin/bash /bin/sh
# expect: dockerfile.unknown-instruction
RUNN npm run build

# expect: dockerfile.untagged-image
FROM gcr.io/distroless/nodejs AS test
# expect: dockerfile.copy-relative-destination
COPY --from=build /app/dist dist
# expect: dockerfile.copy-from-unknown-stage
COPY --from=builder /app/node_modules /app/node_modules

FROM node:20.11.1-bookworm-slim AS final
# expect: dockerfile.env-self-reference
ENV APP_HOME=/app APP_BIN=$APP_HOME/bin
WORKDIR /app
# expect: dockerfile.copy-whole-stage
COPY --from=build / /
# expect: dockerfile.copy-from-own-stage
COPY --from=final /app/dist /app/dist
# expect: dockerfile.useradd-high-uid, dockerfile.world-writable
RUN useradd -u 123456 app && chmod -R 777 /app
# expect: dockerfile.apt
RUN apt install -y --no-install-recommends tini=0.19.0-1 && rm -rf /var/lib/apt/lists/*
# expect: dockerfile.invalid-port, dockerfile.ssh-port
EXPOSE 8080 80000 22
# expect: dockerfile.nested-onbuild
ONBUILD ONBUILD RUN npm test
HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1
# expect: dockerfile.multiple-healthcheck
HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/ready || exit 1
ENTRYPOINT ["tini", "--"]
# expect: dockerfile.multiple-entrypoint
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server.js"]
# expect: dockerfile.multiple-cmd, dockerfile.shell-form-entrypoint
CMD node server.js
# expect: dockerfile.root-user
USER root
