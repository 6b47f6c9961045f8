# The dipwatch worker (and its CLI, e.g. the seed publisher), as docker-compose runs it.
#   docker build -t dipwatch .
#   docker run --rm -e DIPWATCH_KAFKA_BOOTSTRAP=kafka:19092 -p 6066:6066 dipwatch
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Never root at run time; table state (rocksdb store) lives in a volume it owns.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin dipwatch \
 && mkdir -p /var/lib/dipwatch \
 && chown dipwatch /var/lib/dipwatch

# .dockerignore keeps the venv, caches, tests and ops files out of the context.
COPY . /app
RUN pip install /app

USER dipwatch

# Listen on all interfaces so Prometheus (another container) can scrape /metrics.
ENV DIPWATCH_WEB_HOST=0.0.0.0 \
    DIPWATCH_WEB_PORT=6066 \
    DIPWATCH_DATA_DIR=/var/lib/dipwatch
EXPOSE 6066

HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['DIPWATCH_WEB_PORT']}/metrics\", timeout=4)"]

CMD ["dipwatch", "worker"]
