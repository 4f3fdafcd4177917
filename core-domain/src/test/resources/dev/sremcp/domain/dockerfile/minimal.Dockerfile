# expect: dockerfile.no-user, dockerfile.missing-healthcheck
FROM python:3.12.2-slim
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
