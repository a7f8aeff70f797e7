#!/bin/sh
# A validation hook: terwatch runs it with the candidate environment before accepting a change.
# A non-zero exit rejects the change; what it prints ends up in terwatch's rejection message.
case "$PORT" in
    '' | *[!0-9]*) echo "PORT must be a number, not '$PORT'"; exit 1 ;;
esac
if [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
    echo "PORT must be between 1 and 65535, not $PORT"; exit 1
fi
case "$API_URL" in
    http://?* | https://?*) ;;
    *) echo "API_URL must be an http:// or https:// URL, not '$API_URL'"; exit 2 ;;
esac
