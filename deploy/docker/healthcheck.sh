#!/bin/bash
# The image's HEALTHCHECK: exit 0 when GET /actuator/health/readiness answers 200, else 1. Plain bash (/dev/tcp), so
# the image needs no curl or wget. Asks the management port when there is one.
port="${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}"
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
