#compdef net quietnet
# Completion of net (and quietnet) for zsh, printed by `net completion zsh`.
# Install: add   eval "$(net completion zsh)"   to ~/.zshrc after compinit, or save it as
# _net in a folder of your $fpath (docs/usage.md, "Completion").
# Each Tab runs `net __complete WORD...`: commands, options, people's names and nicknames,
# kinds and circles; a path where a command takes a file.
_net() {
    local -a found values shown
    local line
    found=("${(@f)$(${words[1]} __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    if [[ ${found[1]} == files ]]; then
        _files
        return
    fi
    for line in "${(@)found[2,-1]}"; do
        [[ -z $line ]] && continue
        values+=("${line%%$'\t'*}")
        if [[ $line == *$'\t'* ]]; then
            shown+=("${line%%$'\t'*}  -- ${line#*$'\t'}")
        else
            shown+=("$line")
        fi
    done
    (( ${#values} )) && compadd -U -l -d shown -a values
}
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
    _net "$@"
else
    compdef _net net quietnet
fi
