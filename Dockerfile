# Native executable of the nl→en translation service in a small UBI 9 image.
#   docker build -t nlen-translator:native .
#   docker run --rm -p 8080:8080 -v "$PWD/models/opus-mt-nl-en:/models/opus-mt-nl-en:ro" nlen-translator:native
# UBI 9 because DJL's tokenizer library needs glibc >= 2.34 and both native libraries need libstdc++
# (UBI 8 has glibc 2.28; ubi-micro has no package manager to add libstdc++). See docs/CONTAINERS.md.

ARG BUILDER_IMAGE=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25
ARG RUNTIME_IMAGE=registry.access.redhat.com/ubi9/ubi-minimal:9.6

FROM ${BUILDER_IMAGE} AS build
WORKDIR /project
COPY --chown=quarkus:quarkus mvnw pom.xml ./
COPY --chown=quarkus:quarkus .mvn/ .mvn/
COPY --chown=quarkus:quarkus src/ src/
RUN ./mvnw -B package -DskipTests -Dquarkus.native.enabled=true -Dquarkus.package.jar.enabled=false

FROM ${RUNTIME_IMAGE}
ARG MODEL_SOURCE=src/main/docker/no-model
ARG APP_UID=1001
RUN microdnf install -y --nodocs --setopt=install_weak_deps=0 libstdc++ \
    && microdnf clean all \
    && mkdir -p /opt/nlen/bin /models/opus-mt-nl-en /var/cache/nlen/ort /var/cache/nlen/djl \
    && chown -R ${APP_UID}:0 /var/cache/nlen \
    && chmod -R g=u /var/cache/nlen
COPY --chmod=0755 src/main/docker/health-ready.sh /opt/nlen/bin/health-ready.sh
COPY ${MODEL_SOURCE}/ /models/opus-mt-nl-en/
COPY --from=build --chmod=0755 /project/target/*-runner /opt/nlen/bin/nlen-translator
ENV LANG=C.UTF-8 \
    TRANSLATOR_MODEL_DIR=/models/opus-mt-nl-en \
    TRANSLATOR_MODEL_OPTIMIZED_CACHE_DIR=/var/cache/nlen/ort \
    DJL_CACHE_DIR=/var/cache/nlen/djl
USER ${APP_UID}:0
WORKDIR /opt/nlen
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD ["/opt/nlen/bin/health-ready.sh"]
ENTRYPOINT ["/opt/nlen/bin/nlen-translator", "-Dquarkus.http.host=0.0.0.0"]
