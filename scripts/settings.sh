# Sourced by commands that run the product: exports settings.env's values for the
# variables not already set in the environment (the environment wins).
while IFS='=' read -r name value; do
    case "$name" in ''|'#'*) continue ;; esac
    if [ -z "${!name+set}" ]; then export "$name=$value"; fi
done < settings.env
