# hadath stage workers (segmenter, detector, geolocator, sink) and the `hadath` CLI.
# Build: docker build -t hadath:local .   Run a worker: docker run hadath:local worker detector
FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY shared ./shared
COPY services ./services
# Wheels for hadath and every dependency, so the runtime stage installs offline and without build tools.
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HADATH_SERVICE__DATA_DIR=/var/lib/hadath/faust
RUN groupadd --system --gid 10001 hadath \
 && useradd --system --uid 10001 --gid hadath --home-dir /var/lib/hadath --create-home --shell /usr/sbin/nologin hadath
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links=/wheels hadath && rm -rf /wheels
COPY --chown=hadath:hadath seeds /opt/hadath/seeds
COPY --chown=hadath:hadath tests/data/dev_articles.jsonl /opt/hadath/seeds/dev_articles.jsonl
USER hadath
WORKDIR /var/lib/hadath
EXPOSE 6066 6076 6086 6096
ENTRYPOINT ["hadath"]
CMD ["--help"]
