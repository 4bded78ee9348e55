"""`net completion`: the script that teaches a shell to complete net's commands, options and names."""

from enum import StrEnum
from importlib import resources
from typing import Annotated

import typer

from quietnet.cli.context import say

app = typer.Typer()


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@app.command()
def completion(
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", show_default=False)],
) -> None:
    """Print the script that makes Tab complete commands, options, people's names, kinds and circles.

    Names and nicknames come from your store as you type (read only). To
    install it: bash, add eval "$(net completion bash)" to ~/.bashrc; zsh, add
    eval "$(net completion zsh)" to ~/.zshrc after compinit; fish, save it with
    net completion fish > ~/.config/fish/completions/net.fish.

    Examples:

    \b
      net completion bash
      net completion fish > ~/.config/fish/completions/net.fish
    """
    script = resources.files("quietnet.cli.shells").joinpath(f"net.{shell.value}").read_text(encoding="utf-8")
    say(script.rstrip("\n"))
