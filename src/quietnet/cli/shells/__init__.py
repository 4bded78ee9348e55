"""The completion scripts `net completion bash|zsh|fish` prints (cli/completion.py)."""
