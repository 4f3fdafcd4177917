# expect: dockerfile.registry-not-allowed, dockerfile.label-missing
FROM registry.example.com/base/python:3.12.2-slim@sha256:0f3c5a8b4c1a4e2b9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4
# expect: dockerfile.label-invalid
LABEL org.opencontainers.image.source="not a url" \
# expect: dockerfile.label-invalid
      org.opencontainers.image.created="yesterday" \
      org.opencontainers.image.licenses="Apache-2.0"
# expect: dockerfile.label-superfluous
LABEL team=payments
WORKDIR /app
RUN pip install --no-cache-dir flask==3.0.2
USER 10001
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/healthz')"
CMD ["python", "-m", "app"]
