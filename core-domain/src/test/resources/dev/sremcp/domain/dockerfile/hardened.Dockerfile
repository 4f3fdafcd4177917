# syntax=docker/dockerfile:1.7
# A production Dockerfile that follows every rule: pinned bases by digest, a build stage that keeps
# the toolchain and credentials out of the final image, a numeric non-root user, exec-form commands.
ARG GO_VERSION=1.22.1
FROM golang:${GO_VERSION}-bookworm@sha256:5f5d61dcb58900bc57b230431b6367c900f9982b583adcabf9fa93fd0aa5544a AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates=20230311 git=1:2.39.2-1.1 \
 && rm -rf /var/lib/apt/lists/*
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/root/go/pkg/mod go mod download
COPY . .
RUN --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server \
 && curl -fsSL https://example.com/checksums.txt | grep server

FROM gcr.io/distroless/static-debian12:nonroot@sha256:6ec5aa99dc335666e79dc64e4a6c8b89c33a543a1967f20d360922a80dd21f02
LABEL org.opencontainers.image.source="https://github.com/example/server" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build --chown=65532:65532 /out/server /server
EXPOSE 8080
USER 65532:65532
HEALTHCHECK --interval=30s --timeout=3s CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
