# expect: dockerfile.untagged-image
FROM golang AS build
RUN go build -o /out/app ./cmd/app

# expect: dockerfile.duplicate-stage-name
FROM golang:1.22.1 AS build
# expect: dockerfile.unpinned-packages
RUN go install github.com/go-delve/delve/cmd/dlv

# expect: dockerfile.reserved-stage-name
FROM alpine:3.19.1 AS context
# expect: dockerfile.package-cache-kept, dockerfile.unpinned-packages
RUN apk add ca-certificates

# expect: dockerfile.missing-healthcheck
FROM alpine:3.19.1
COPY --from=build /out/app /usr/local/bin/app
# expect: dockerfile.non-numeric-user
USER app
ENTRYPOINT ["/usr/local/bin/app"]
