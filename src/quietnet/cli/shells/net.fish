# Completion of net (and quietnet) for fish, printed by `net completion fish`.
# Install: net completion fish > ~/.config/fish/completions/net.fish
# (and the same as quietnet.fish for quietnet); docs/usage.md, "Completion".
# Each Tab runs `net __complete WORD...`: commands, options, people's names and nicknames,
# kinds and circles; a path where a command takes a file.
function __net_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l program $words[1]
    set -e words[1]
    set -l found ($program __complete $words "$current" 2>/dev/null)
    if test "$found[1]" = files
        __fish_complete_path "$current"
        return
    end
    set -e found[1]
    test (count $found) -gt 0; and printf '%s\n' $found
end
complete -c net -f -a '(__net_complete)'
complete -c quietnet -f -a '(__net_complete)'
