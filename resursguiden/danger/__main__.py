"""Explain the emergency detector's decision for messages:

python -m resursguiden.danger "min pappa slår mig"      (or make explain-danger TEXT=...)
echo "one message per line" | python -m resursguiden.danger
"""

import sys

from resursguiden.danger import assess


def main(args: list[str]) -> int:
    messages = args or [line.rstrip("\n") for line in sys.stdin if line.strip()]
    for i, message in enumerate(messages):
        if i:
            print()
        print(f"message: {message}")
        print(assess(message).explain())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
