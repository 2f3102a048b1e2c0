#!/bin/bash
# Container health check: exit 0 only when GET /q/health/ready answers 200.
# Plain bash (/dev/tcp): the runtime images need no curl.
port="${QUARKUS_HTTP_PORT:-8080}"
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status_line <&3 || exit 1
[[ "${status_line}" == HTTP/1.?" 200"* ]]
