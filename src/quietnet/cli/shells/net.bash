# Completion of net (and quietnet) for bash, printed by `net completion bash`.
# Install: add   eval "$(net completion bash)"   to ~/.bashrc (docs/usage.md, "Completion").
# Each Tab runs `net __complete WORD...`: commands, options, people's names and nicknames,
# kinds and circles; a path where a command takes a file.
_net_complete() {
    local line quoted
    local -a found
    mapfile -t found < <("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    COMPREPLY=()
    if [[ ${found[0]} == files ]]; then
        compopt -o default 2>/dev/null
        return 0
    fi
    for line in "${found[@]:1}"; do
        printf -v quoted '%q' "${line%%$'\t'*}"
        COMPREPLY+=("$quoted")
    done
}
complete -F _net_complete net quietnet
