#!/usr/bin/env bash
# Neovim for the lsp tier's second-editor test: NVIM_PATH, or Debian's neovim package.
exec "$(dirname "$0")/ensure-debian-package.sh" "The lsp tests drive the server from Neovim" NVIM_PATH neovim nvim
